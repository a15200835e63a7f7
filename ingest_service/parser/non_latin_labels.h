// Type labels and section names printed in scripts other than Latin:
// Greek, Cyrillic (Russian, Ukrainian, Bulgarian, Serbian), Arabic,
// Persian, Hebrew, Chinese, Japanese, Korean, Thai, Georgian, Armenian and
// Devanagari (Hindi).
//
// The Latin tables (doc_type.cc, doc_type_signals.cc) fold with
// FoldAccents, which lower-cases Latin letters only, and index their labels
// by two ASCII letters; these scripts need a case fold of their own (ICU's)
// and a table of their own. The readers of the Latin tables ask these two
// functions when a line opens with a letter of another script.
//
// Dictionary words of each language's press offices, not any one site's
// wording: "Пресс-релиз", "Δελτίο Τύπου", "بيان صحفي", "報道発表",
// "보도자료" (press release); "Новости", "Ειδήσεις", "أخبار" (news).
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_NON_LATIN_LABELS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_NON_LATIN_LABELS_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

// Whether `line`'s first letter belongs to a script these tables cover (a
// cheap test callers make before the lookups below).
bool OpensWithNonLatinLetter(absl::string_view line);

// The type a whole line names when it is a label of one text ("Пресс-релиз",
// "Δελτίο Τύπου", "보도자료"), in any case, with or without accents, and
// with the furniture a label line carries (pipes, a final colon).
std::optional<docsearch::v1::DocType> NonLatinLabelType(absl::string_view line);

// The type a whole line names when it is the name of a site's section of
// one kind ("Новости", "Пресс-релизы", "Ομιλίες", "البيانات الصحفية").
std::optional<docsearch::v1::DocType> NonLatinSectionType(absl::string_view line);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_NON_LATIN_LABELS_H_
