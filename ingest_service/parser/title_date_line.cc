#include "ingest_service/parser/title_date_line.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/date_rows.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// Non-blank lines above the title from which on the head is long (a menu,
// an archive's toolbar).
constexpr size_t kMinHeadLines = 8;
// Lines on each side of the title looked at.
constexpr size_t kLinesAroundTitle = 2;
// Paragraphs looked at for the date row the body kept.
constexpr int kOpeningParagraphs = 2;

// The fallbacks a date line next to the title corrects. A date in the title
// or subtitle is printed with the headline and stays.
bool DatedByWeakFallback(const v1::Document& document) {
  return !document.has_published() || HasWarning(document, ParseWarningCode::kNoPublishedDate) ||
         HasWarning(document, ParseWarningCode::kPublishedFromBody) ||
         HasWarning(document, ParseWarningCode::kPublishedFromSourceUri) ||
         HasWarning(document, ParseWarningCode::kPublishedFromUpdatedHeader);
}

// A publication field's name alone on its line: "Published", "Published
// on:", "Publié le", "Veröffentlicht am", "Publicado el", "Pubblicato il".
bool NamesPublicationField(absl::string_view line) {
  std::string folded = FoldAccents(absl::StripAsciiWhitespace(line));
  while (!folded.empty() && (folded.back() == ':' || folded.back() == ' ')) folded.pop_back();
  for (absl::string_view field :
       {"published", "published on", "date published", "publication date", "publie le", "publie",
        "date de publication", "veroffentlicht", "veroffentlicht am", "publicado", "publicado el",
        "publicado em", "pubblicato", "pubblicato il", "gepubliceerd", "gepubliceerd op"}) {
    if (folded == field) return true;
  }
  return false;
}

}  // namespace

void ReadDateNextToTitle(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features,
                         const std::vector<LineRole>& roles, v1::ParseDocumentResponse* response) {
  v1::Document* document = response->mutable_document();
  if (!DatedByWeakFallback(*document)) return;
  const std::optional<TitleLines> title = FindTitleLines(roles);
  if (!title.has_value()) return;
  const size_t title_begin = title->begin;
  // Only below a long head: near the top, the cascade's date line reader
  // has read what there is.
  if (title_begin < kMinHeadLines) return;
  const size_t title_end = title->end;
  // Nearest first: right below the title, right above it, then one further.
  std::vector<size_t> around;
  for (size_t step = 0; step < kLinesAroundTitle; ++step) {
    if (title_end + step < roles.size()) around.push_back(title_end + step);
    if (title_begin >= step + 1) around.push_back(title_begin - step - 1);
  }
  for (size_t k : around) {
    const SourceLine& line = lines[features[k].line_index];
    const absl::string_view text = FeatureLineText(lines, features, k);
    std::optional<v1::Date> date = DateOfDateRow(text);
    if (!date.has_value()) continue;
    *document->mutable_published() = *date;
    RemoveWarnings(document, [](ParseWarningCode code) {
      return code == ParseWarningCode::kNoPublishedDate ||
             code == ParseWarningCode::kPublishedFromBody ||
             code == ParseWarningCode::kPublishedFromSourceUri ||
             code == ParseWarningCode::kPublishedFromUpdatedHeader;
    });
    AddWarning(ParseWarningCode::kPublishedFromLineNextToTitle,
               absl::StrCat("the date line, line ", line.number,
                            ", stands next to the title below the page's head"),
               document);
    // The model may have read the row as the text's first paragraph.
    for (int p = 0; p < std::min(document->paragraphs_size(), kOpeningParagraphs); ++p) {
      if (document->paragraphs(p).text() != text) continue;
      document->mutable_paragraphs()->DeleteSubrange(p, 1);
      DropLine(line, "date_line", response);
      break;
    }
    return;
  }
}

namespace {

// A date stamp's opening word ("Published", "Publicado em", "Publié le").
bool OpensWithPublicationWord(absl::string_view text) {
  const std::string folded = FoldAccents(text);
  for (absl::string_view word : {"published", "publicado", "publie", "veroffentlicht", "pubblicato",
                                 "gepubliceerd", "posted", "issued"}) {
    if (absl::StartsWith(folded, word)) return true;
  }
  return false;
}

}  // namespace

void DropPublishedDateParagraph(const std::vector<SourceLine>& lines,
                                v1::ParseDocumentResponse* response) {
  v1::Document* document = response->mutable_document();
  if (!document->has_published()) return;
  constexpr int kOpeningParagraphsRead = 3;
  const v1::Date& published = document->published();
  int found = -1;
  bool stamped = false;
  for (int p = 0; p < std::min(document->paragraphs_size(), kOpeningParagraphsRead); ++p) {
    const std::string& text = document->paragraphs(p).text();
    std::optional<v1::Date> date = ParseDateLine(text);
    if (!date.has_value()) date = ParseDateLineWithTime(text);
    if (date.has_value() && date->year() == published.year() &&
        date->month() == published.month() && date->day() == published.day()) {
      found = p;
      stamped = OpensWithPublicationWord(text);
      break;
    }
  }
  if (found < 0) return;
  // "Published 20 September 2024", "Publicado em 01/06/2024 10:15": the
  // stamp names itself, under a standfirst the body took back when the
  // headline above it became the title.
  if (stamped) {
    for (const SourceLine& line : lines) {
      if (absl::StripAsciiWhitespace(line.text) != document->paragraphs(found).text()) continue;
      DropLine(line, "date_line", response);
      document->mutable_paragraphs()->DeleteSubrange(found, 1);
      return;
    }
  }
  // A digest's day headings are dates alone too: a text holding another
  // such paragraph is left as it is.
  for (int p = 0; p < document->paragraphs_size(); ++p) {
    if (p != found && ParseDateLine(document->paragraphs(p).text()).has_value()) return;
  }
  // The field's value: the line printing it whole, right under the
  // field's name ("Published", "Publié le", "Veröffentlicht am").
  const std::string& text = document->paragraphs(found).text();
  for (size_t i = 1; i < lines.size(); ++i) {
    if (absl::StripAsciiWhitespace(lines[i].text) != text) continue;
    size_t above = i;
    while (above > 0 && absl::StripAsciiWhitespace(lines[above - 1].text).empty()) --above;
    if (above == 0 || !NamesPublicationField(lines[above - 1].text)) continue;
    DropLine(lines[i], "date_line", response);
    document->mutable_paragraphs()->DeleteSubrange(found, 1);
    return;
  }
}

}  // namespace docsearch::ingest
