#include "ingest_service/parser/link_list_items.h"

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/page_controls.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// Most items a list of links under its heading runs to.
constexpr size_t kMaxLinkListItems = 12;
// Most words of a heading the reader does not know ("Zobacz także",
// "Comunicate recente", "Gerelateerd nieuws").
constexpr int kMostUnknownHeadingWords = 4;

// "Sahel : « La menace s'étend » – 16 mai 2022", "Headline - 05-06-2023":
// another page's headline with its date after a dash at the line's end, as
// lists of other pages print them (a text's closing "Place, date" has no
// dash). The headline part is returned in `headline`.
bool EndsWithDashedDate(absl::string_view item, absl::string_view* headline) {
  for (absl::string_view dash : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - "}) {
    const size_t at = item.rfind(dash);
    if (at == absl::string_view::npos || at == 0) continue;
    absl::string_view rest = absl::StripAsciiWhitespace(item.substr(at + dash.size()));
    const std::vector<FoundDate> dates = FindDates(rest);
    if (dates.size() != 1 || dates.front().begin != 0 || dates.front().end < rest.size()) {
      continue;
    }
    *headline = TrimLine(item.substr(0, at));
    return CountWordsUpTo(*headline, 2) >= 2 && !EndsSentence(*headline);
  }
  return false;
}

// Fewest words of another page's headline in a list under a heading the
// reader does not know: a schedule's items ("Close of rolls – 13 February
// 2024") are shorter.
constexpr int kLeastHeadlineWords = 5;

// How many lines from `from` on are other pages' dated headlines, in a row.
size_t DatedHeadlinesFrom(const std::vector<SourceLine>& lines,
                          const std::vector<LineFeatures>& features,
                          const std::vector<LineRole>& roles, size_t from) {
  size_t count = 0;
  absl::string_view headline;
  for (size_t j = from; j < features.size() && count < kMaxLinkListItems; ++j, ++count) {
    if (roles[j] == LineRole::kTitle ||
        !EndsWithDashedDate(TrimLine(lines[features[j].line_index].text), &headline) ||
        CountWordsUpTo(headline, kLeastHeadlineWords) < kLeastHeadlineWords) {
      break;
    }
  }
  return count;
}

// Whether the text's prose goes on right under a list ending before
// `from`: dated lines with the text going on under them are its own (a
// programme of visits); the site's furniture under a list ends the text.
bool ProseFollows(const std::vector<SourceLine>& lines, const std::vector<LineFeatures>& features,
                  const std::vector<LineRole>& roles, size_t from) {
  return from < features.size() && roles[from] == LineRole::kBody &&
         ReadsAsProse(TrimLine(lines[features[from].line_index].text));
}

}  // namespace

void MarkLinkListItems(const std::vector<SourceLine>& lines,
                       const std::vector<LineFeatures>& features, size_t title_end,
                       std::vector<LineRole>* roles, std::vector<size_t>* furniture) {
  constexpr int kMostDateItemWords = 8;
  // An item's date the first reading took for a date line of the text
  // (and dropped from it) goes too, or the reading without the furniture
  // counts the list's dates as a digest's.
  auto mark = [&](size_t j, bool dated_item = false) {
    if ((*roles)[j] == LineRole::kFurniture ||
        (features[j].rule_fate != "kept" && features[j].rule_fate != "title" && !dated_item)) {
      return;
    }
    (*roles)[j] = LineRole::kFurniture;
    furniture->push_back(features[j].line_index);
  };
  // The first line of the text's prose below the title (none: size()).
  size_t first_prose = features.size();
  for (size_t j = title_end; title_end > 0 && j < features.size(); ++j) {
    if ((*roles)[j] == LineRole::kBody &&
        ReadsAsProse(TrimLine(lines[features[j].line_index].text))) {
      first_prose = j;
      break;
    }
  }
  for (size_t k = 0; k < features.size(); ++k) {
    if ((*roles)[k] == LineRole::kTitle) continue;
    // Below the title and after the text's first prose: the text's own
    // date, printed near the title, is never an item.
    const bool below_text = k > first_prose;
    const absl::string_view heading = TrimLine(lines[features[k].line_index].text);
    if (!IsLinkListHeading(heading)) {
      // A heading in words the reader does not know, which the model
      // dropped already, known by its items: two or more other pages'
      // headlines with their dates.
      if (!below_text || (*roles)[k] != LineRole::kFurniture ||
          CountWordsUpTo(heading, kMostUnknownHeadingWords + 1) > kMostUnknownHeadingWords ||
          EndsSentence(heading) || !FindDates(heading).empty()) {
        continue;
      }
      // The model may have dropped the first item with its heading.
      const size_t first_item =
          k + 1 < features.size() && (*roles)[k + 1] == LineRole::kFurniture ? k + 2 : k + 1;
      const size_t items = DatedHeadlinesFrom(lines, features, *roles, first_item);
      if (items < 2 || ProseFollows(lines, features, *roles, first_item + items)) continue;
      for (size_t j = first_item; j < first_item + items; ++j) mark(j, /*dated_item=*/true);
      k = first_item + items - 1;
      continue;
    }
    mark(k);
    for (size_t j = k + 1; j < features.size() && j <= k + kMaxLinkListItems; ++j) {
      const absl::string_view item = TrimLine(lines[features[j].line_index].text);
      const LineRole role = (*roles)[j];
      // An item the model read as furniture already.
      if (role == LineRole::kFurniture) continue;
      // Another page's headline with its date, however long.
      absl::string_view headline;
      if (below_text && role != LineRole::kTitle && EndsWithDashedDate(item, &headline)) {
        mark(j, /*dated_item=*/true);
        continue;
      }
      const bool dated_item = below_text &&
                              CountWordsUpTo(item, kMostDateItemWords + 1) <= kMostDateItemWords &&
                              !FindDates(item).empty();
      // The text's head (its label, reference, subtitle) ends a list
      // printed above it.
      if (role == LineRole::kTitle || role == LineRole::kTypeLabel ||
          role == LineRole::kReference || role == LineRole::kSubtitle ||
          role == LineRole::kHeader || (role == LineRole::kDate && !dated_item) ||
          EndsSentence(item) || ReadsAsProse(item) || CountWordsUpTo(item, 16) > 15) {
        break;
      }
      mark(j, dated_item);
    }
  }
}

}  // namespace docsearch::ingest
