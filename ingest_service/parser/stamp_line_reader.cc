#include "ingest_service/parser/stamp_line_reader.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/header_lines.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// Sentences of summary a site may print above its "Published" key and date.
constexpr int kMaxProseAboveKeyedDate = 3;
// Most words of a stamp's key alone on its line ("Date published").
constexpr int kMaxStampKeyWords = 3;
// Most words of a stamp's key and date on one line ("Published 4 April
// 2022", "Posted 12 March 2019 10:30").
constexpr int kMaxStampLineWords = 6;

// "Article | Date: 23.02.2007 | Ministry of Foreign Affairs": a row of the
// page's fields, one cell a date its key announces and the others short
// names without a digit or a key of their own. A key that says the text was
// published ("Published", "Veröffentlicht am", "Opublikowano:") dates it; a
// bare "Date:" dates an event's row as well ("Workshop | Date: 14.11.2024 |
// Middelburg"), so there another cell must name who issued the text (a
// ministry, an office, a council…).
std::optional<v1::Date> KeyedDateInFieldsRow(absl::string_view row) {
  constexpr size_t kMostCells = 3;
  constexpr int kMostNameWords = 6;
  const std::vector<absl::string_view> cells = absl::StrSplit(row, " | ");
  if (cells.size() > kMostCells) return std::nullopt;
  std::optional<v1::Date> date;
  bool published_key = false;
  bool issuer = false;
  for (absl::string_view cell : cells) {
    cell = absl::StripAsciiWhitespace(cell);
    const std::string folded = FoldAccents(cell);
    bool publication = false;
    for (absl::string_view key :
         {"published", "posted on", "issued", "publie le", "veroffentlicht am", "publicado",
          "pubblicato", "gepubliceerd", "publiceret", "publicerad", "publisert", "opublikowano",
          "julkaistu", "zverejneno", "objavljeno", "publicat"}) {
      publication |= absl::StartsWith(folded, key);
    }
    bool bare_date_key = false;
    for (absl::string_view key : {"date:", "datum:", "fecha:", "data:"}) {
      bare_date_key |= absl::StartsWith(folded, key);
    }
    if ((publication || bare_date_key) && !date.has_value()) {
      date = ParseDateLine(cell);
      // A key the date reader does not know ("Opublikowano: 12.03.2024").
      if (const size_t colon = cell.find(':');
          !date.has_value() && colon != absl::string_view::npos) {
        date = ParseDateLine(absl::StripAsciiWhitespace(cell.substr(colon + 1)));
      }
      if (!date.has_value()) return std::nullopt;
      published_key = publication;
      continue;
    }
    const bool name =
        !cell.empty() && !absl::StrContains(cell, ':') &&
        std::none_of(cell.begin(), cell.end(),
                     [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }) &&
        CountWordsUpTo(cell, kMostNameWords + 1) <= kMostNameWords;
    if (!name) return std::nullopt;
    for (absl::string_view word : {"minist", "department", "office", "council", "government",
                                   "embassy", "agency", "commission", "secretariat", "presidency",
                                   "bureau", "conseil", "gouvernement", "regierung", "gobierno"}) {
      issuer |= absl::StrContains(folded, word);
    }
  }
  if (!published_key && !issuer) return std::nullopt;
  return date;
}

// The stamp's date is published; the warning of the fallback that dated the
// text goes.
void TakeStampDate(const v1::Date& date, v1::Document* document) {
  *document->mutable_published() = date;
  RemoveWarnings(document, [](ParseWarningCode code) {
    return code == ParseWarningCode::kNoPublishedDate ||
           (IsPublishedFallback(code) && code != ParseWarningCode::kPublishedFromWeekHeader);
  });
}

}  // namespace

void ReadStampLine(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
                   v1::Document* document) {
  const bool dated_by_fallback =
      HasWarning(*document, ParseWarningCode::kNoPublishedDate) ||
      HasWarning(*document, ParseWarningCode::kPublishedFromTitle) ||
      HasWarning(*document, ParseWarningCode::kPublishedFromSubtitle) ||
      HasWarning(*document, ParseWarningCode::kPublishedFromSourceUri) ||
      HasWarning(*document, ParseWarningCode::kPublishedFromUpdatedHeader) ||
      HasWarning(*document, ParseWarningCode::kPublishedFromBody);
  if (!dated_by_fallback) return;
  int prose = 0;
  for (size_t k = 0; k < features.size(); ++k) {
    const absl::string_view text = TrimLine(lines[features[k].line_index].text);
    // A cookie notice or a site's banner the rules dropped is no text
    // above the stamp, however it reads.
    if (absl::StartsWith(features[k].rule_fate, "dropped_")) {
      // Unless it is a row of the page's fields that its bars made read as
      // a menu ("Article | Date: 23.02.2007 | Ministry of Foreign
      // Affairs"): above the text, it dates the text.
      if (prose > 0 || !absl::StrContains(text, " | ")) continue;
      std::optional<v1::Date> date = KeyedDateInFieldsRow(text);
      if (!date.has_value()) continue;
      TakeStampDate(*date, document);
      return;
    }
    if (ReadsAsProse(text)) ++prose;
    if (prose > kMaxProseAboveKeyedDate) return;
    std::optional<StampLine> stamp = prose == 0 ? ParseStampLine(text) : std::nullopt;
    // The key and the date with only a space between ("Published 4 April
    // 2022"), which a site may also print under the text's summary.
    // Only in a block of the page's fields: a line of the text right under
    // it makes it a citation ("Labour market overview" / "Published 12
    // March 2022" / the text goes on).
    const bool prose_follows =
        k + 1 < features.size() && ReadsAsProse(lines[features[k + 1].line_index].text);
    if (const size_t space = text.find(' ');
        !stamp.has_value() && !prose_follows && space != absl::string_view::npos &&
        CountWordsUpTo(text, kMaxStampLineWords + 1) <= kMaxStampLineWords) {
      stamp = ParseStampLine(absl::StrCat(text.substr(0, space), ":", text.substr(space)));
    }
    // The key on a line of its own and the date on the next ("Published" /
    // "24 April 2019"), which a site may print under the text's summary.
    if (!stamp.has_value() && k + 1 < features.size() &&
        CountWordsUpTo(text, kMaxStampKeyWords) <= kMaxStampKeyWords && !text.empty() &&
        !absl::ascii_isdigit(static_cast<unsigned char>(text.back()))) {
      absl::string_view key = text;
      absl::ConsumeSuffix(&key, ":");
      stamp =
          ParseStampLine(absl::StrCat(key, ": ", TrimLine(lines[features[k + 1].line_index].text)));
    }
    if (!stamp.has_value()) continue;
    TakeStampDate(stamp->created, document);
    if (stamp->updated.has_value() && !document->has_updated()) {
      document->mutable_updated()->set_seconds(UpdatedHeaderEpochSeconds(*stamp->updated));
    }
    return;
  }
}

}  // namespace docsearch::ingest
