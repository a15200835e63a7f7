// Document-type labels: "Press Statement", "Final Communiqué", "Chairman's
// Summary", "NATO Update", "Speech", "Déclaration", ... in English and French.
//
// Three places say what a document is, from most to least specific:
//   1. a label line in the head ("Press Statement"), or a label opening the
//      title line ("Statement Meeting of the NATO-Russia Council");
//   2. the title itself ("Statement by the Secretary General ...",
//      "Riga Summit Declaration");
//   3. the site section of the Updated header ("NATO Press Releases").
// Each function answers for one of them; the plain-text parser applies them in
// that order.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_DOC_TYPE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_DOC_TYPE_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

// The type when the whole of `line` (pipes, bullets and a trailing period
// ignored) is a type label; nullopt otherwise.
std::optional<docsearch::v1::DocType> DocTypeFromLabelLine(absl::string_view line);

struct LeadingLabel {
  docsearch::v1::DocType type = docsearch::v1::DOC_TYPE_UNSPECIFIED;
  // Byte length of the label at the start of the line.
  size_t length = 0;
};

// A label at the start of a longer line, followed by a capitalized word:
// "Statement Meeting of ..." -> {PRESS_STATEMENT, 9}. With
// `any_rest`, whatever follows is accepted ("Press Release 8 Dec. 2005").
std::optional<LeadingLabel> DocTypeLabelPrefix(absl::string_view line, bool any_rest = false);

// True when `label` is a series name rather than a type: "Press Release",
// "Communiqué de presse", "Press Communiqué" (weak evidence, see head_reader).
bool IsSeriesName(absl::string_view label);

// The type a title implies ("Statement by ...", "... Summit Communiqué").
std::optional<docsearch::v1::DocType> DocTypeFromTitle(absl::string_view title);
// The same, with `folded` = FoldAccents(title) computed by the caller.
std::optional<docsearch::v1::DocType> DocTypeFromTitle(absl::string_view title,
                                                       absl::string_view folded);

// The last reading of the document's type when nothing else named it, the
// title included (DocTypeFromTitle, which callers read first), never used to
// choose the title: wordings that name a type without shaping a headline: a label before a colon
// behind a word or two naming the issuer ("MFA Press Statement: Visit of ..."); a typed headline
// after a topic and a colon ("Belarus: Statement by the Spokesperson ..."); a speech named after
// its speaker's possessive
// ("IAEA Director General's Introductory Statement to ..."); a text made
// jointly named anywhere as a name is printed ("India-Mozambique Joint
// Statement during ..."). Kept out of DocTypeFromTitle because that one is
// also a line feature: a title candidate naming a type outranks the others.
std::optional<docsearch::v1::DocType> DocTypeFromTitleWording(absl::string_view title);

// A speech told by how its first paragraph addresses the audience
// ("Ladies and Gentlemen, ...", "Excellencies, ...", "Mr. President, ...");
// nullopt otherwise. Greetings shared with press conferences ("Good
// afternoon") are not enough.
std::optional<docsearch::v1::DocType> DocTypeFromSpeechOpening(absl::string_view first_paragraph);

// The type a site section implies ("NATO Press Statement", "NATO Update",
// "Week of ...", "NATO Speeches", "NATO Press Releases").
// A first paragraph announcing what follows as a statement ("The following
// is a statement by General …", "The following statement was issued …").
std::optional<docsearch::v1::DocType> DocTypeFromAnnouncement(absl::string_view first_paragraph);

// A reference in a press office's series: "PR# 2008-159", "PR/CP (2006)150",
// "10189/04 (Presse 195)" name press releases.
std::optional<docsearch::v1::DocType> DocTypeFromReference(absl::string_view reference);

std::optional<docsearch::v1::DocType> DocTypeFromSection(absl::string_view section);

// The type a line naming a site's section implies when the whole line is
// the name ("News", "Speeches", "Communiqués de presse", "Pressemitteilungen",
// "Notas de prensa"), in the languages the parser reads. A menu prints the
// same names, so the caller decides where such a line counts.
std::optional<docsearch::v1::DocType> DocTypeFromSectionName(absl::string_view line);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_DOC_TYPE_H_
