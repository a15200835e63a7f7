#include "ingest_service/parser/contents_pages.h"

#include <algorithm>
#include <optional>
#include <string>

#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/head_lexicon.h"
#include "ingest_service/parser/issuer_names.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// Lines under the title looked at for the contents heading.
constexpr size_t kLinesUnderTitle = 3;

// Entries of a digest's contents: "1. Point de presse du porte-parole …
// (Paris, 18/08/2017)", numbered, of five words or more, naming a date. A
// single text's contents box lists its sections ("1. Introduction",
// "Housing") and names no date.
bool ListsDatedTexts(const std::vector<SourceLine>& lines,
                     const std::vector<LineFeatures>& features, size_t first) {
  constexpr size_t kEntriesLookedAt = 3;
  constexpr int kLeastEntryWords = 5;
  for (size_t k = first; k < features.size() && k < first + kEntriesLookedAt; ++k) {
    const absl::string_view entry = FeatureLineText(lines, features, k);
    const std::optional<ParagraphMarker> marker = FindParagraphMarker(entry);
    if (!marker.has_value() || marker->is_bullet) continue;
    if (CountWordsUpTo(entry, kLeastEntryWords) >= kLeastEntryWords && !FindDates(entry).empty()) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsContentsHeading(absl::string_view line) {
  line = TrimLine(line);
  if (line.empty() || line.size() > 40) return false;
  std::string folded = FoldAccents(line);
  while (!folded.empty() && (folded.back() == ':' || folded.back() == ' ')) folded.pop_back();
  for (absl::string_view contents :
       {"sommaire", "contents", "table of contents", "table des matieres", "inhalt",
        "inhaltsverzeichnis", "indice", "in this issue", "dans ce numero", "sumario",
        "in dieser ausgabe"}) {
    if (folded == contents) return true;
  }
  return false;
}

void ReadContentsUnderTitle(const std::vector<SourceLine>& lines,
                            const std::vector<LineFeatures>& features,
                            const std::vector<LineRole>& roles,
                            v1::ParseDocumentResponse* response) {
  v1::Document* document = response->mutable_document();
  if (document->title().empty()) return;
  const std::optional<TitleLines> title = FindTitleLines(roles);
  if (!title.has_value()) return;
  const size_t last = std::min(features.size(), title->end + kLinesUnderTitle);
  std::optional<size_t> contents;
  for (size_t k = title->end; k < last && !contents.has_value(); ++k) {
    if (IsContentsHeading(FeatureLineText(lines, features, k))) contents = k;
  }
  if (!contents.has_value() || !ListsDatedTexts(lines, features, *contents + 1)) return;
  // A site's banner taken for the title is dropped; a digest's own heading
  // goes back to the text.
  const std::string heading_text = document->title();
  if (NamesTheIssuer(heading_text) || IsSiteBannerLine(heading_text)) {
    DropLine(lines[features[title->begin].line_index], "head", response);
  } else {
    v1::Paragraph heading;
    heading.set_text(heading_text);
    document->mutable_paragraphs()->Add(std::move(heading));
    std::rotate(document->mutable_paragraphs()->rbegin(),
                document->mutable_paragraphs()->rbegin() + 1,
                document->mutable_paragraphs()->rend());
  }
  document->clear_title();
  RemoveWarnings(document, ParseWarningCode::kTitleUncertain);
  AddWarning(ParseWarningCode::kDigestWithoutTitle,
             "a table of contents under the heading: a digest of several texts, with no single "
             "title",
             document);
}

}  // namespace docsearch::ingest
