// The parts of the label table's readers (doc_type.cc) that the title's
// wording reader (title_wording.cc) builds on. Not for other callers:
// doc_type.h is the interface.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_DOC_TYPE_LABELS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_DOC_TYPE_LABELS_H_

#include <cstddef>
#include <optional>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

// Whether `folded` (FoldAccents) opens with a speech's opening as whole
// words ("remarks by", "address to", "discours").
bool OpensWithSpeechWords(absl::string_view folded);

// The spaces in `text`.
size_t CountSpaces(absl::string_view text);

// A headline opening with its type: a speech's opening, or a label followed
// by who made it ("Statement by the Spokesperson on …").
std::optional<docsearch::v1::DocType> TypedHeadlineOpening(absl::string_view headline);

// The type when `before` (folded, what stands before a title's colon) is a
// label, or ends with a label of two words or more after a word or two
// naming who issues it ("mfa press statement"), or is a qualified
// statement ("written statement"); `title` as printed decides what the
// label refines to.
std::optional<docsearch::v1::DocType> LabelBeforeColon(absl::string_view before,
                                                       absl::string_view title);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_DOC_TYPE_LABELS_H_
