#include "ingest_service/parser/title_date_line.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/east_asian_dates.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// Longest row of cells read as a date line.
constexpr size_t kMaxRowBytes = 80;
// Most words besides the date and a time in such a row ("News item",
// "Press release", "Published on").
constexpr int kMaxRowWords = 3;
// Non-blank lines above the title from which on the head is long (a menu,
// an archive's toolbar).
constexpr size_t kMinHeadLines = 8;
// Lines on each side of the title looked at.
constexpr size_t kLinesAroundTitle = 2;
// Paragraphs looked at for the date row the body kept.
constexpr int kOpeningParagraphs = 2;

// "19:10", "16h32", "9.30", "14h": a time of day.
bool IsTime(absl::string_view word) {
  bool digit = false;
  for (char c : word) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isdigit(u)) {
      digit = true;
    } else if (c != ':' && c != 'h' && c != '.') {
      return false;
    }
  }
  return digit;
}

// "–", "—", "•", "·": a dash or a bullet parting cells.
bool IsSeparatorMark(absl::string_view word) {
  return word == "\xE2\x80\x93" || word == "\xE2\x80\x94" || word == "\xE2\x80\xA2" ||
         word == "\xC2\xB7";
}

// Words that join a date to its time ("às", "at", "um", "à", "alle").
bool IsTimeJoiner(absl::string_view folded_word) {
  for (absl::string_view joiner : {"at", "as", "às", "um", "uhr", "à", "a", "alle", "om", "las",
                                   "am", "pm", "cet", "cest", "gmt", "utc"}) {
    if (folded_word == joiner) return true;
  }
  return false;
}

// "Published", "Publié le", "Veröffentlicht am", "Publicado", "Date":
// words that say the date is the text's (lower-cased, accents as printed).
bool IsPublishingWord(absl::string_view folded_word) {
  for (absl::string_view word : {"published", "posted", "issued", "date", "dated", "updated",
                                 "publi\xC3\xA9", "publie", "le",
                                 "ver\xC3\xB6"
                                 "ffentlicht",
                                 "veroffentlicht", "publicado", "pubblicato", "el", "il", "on",
                                 "op", "gepubliceerd", "datum"}) {
    if (folded_word == word) return true;
  }
  return false;
}

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

std::optional<v1::Date> DateOfDateRow(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (line.empty() || line.size() > kMaxRowBytes) return std::nullopt;
  if (std::optional<v1::Date> date = ParseDateLine(line)) return date;
  if (std::optional<v1::Date> date = ParseDateLineWithTime(line)) return date;
  // A board's row of cells, one of them the date after its label ("작성자
  // 주중국대사관 | 작성일 2023-11-08 | 조회수 1,284": writer, date, views).
  if (absl::StrContains(line, " | ")) {
    for (absl::string_view cell : absl::StrSplit(line, " | ")) {
      cell = absl::StripAsciiWhitespace(cell);
      if (AfterEastAsianDateLabel(cell).size() == cell.size()) continue;
      if (std::optional<v1::Date> date = ParseDateLine(cell)) return date;
    }
  }
  const std::vector<FoundDate> dates = FindDates(line);
  if (dates.size() != 1) return std::nullopt;
  // What the row holds besides its date: a label and a time at most.
  const std::string rest =
      absl::StrCat(line.substr(0, dates[0].begin), " ", line.substr(dates[0].end));
  // Cells are parted by bars; without one, only a publishing word besides
  // the date and its time ("Published", "às"), so that a subtitle holding
  // a date ("Deadline: 30 June 2021", "Effective 1 January 2022") is no row.
  const int most_words = absl::StrContains(line, '|') ? kMaxRowWords : 0;
  int words = 0;
  // ASCII separators only: a byte of a multi-byte letter is no separator;
  // dashes and bullets of more than one byte stand as words of their own
  // and are skipped below.
  for (absl::string_view word :
       absl::StrSplit(rest, absl::ByAnyChar(" |,;()[]-/"), absl::SkipEmpty())) {
    if (IsTime(word) || IsSeparatorMark(word)) continue;
    const std::string folded = absl::AsciiStrToLower(word);
    if (IsTimeJoiner(folded) || IsPublishingWord(folded)) continue;
    // A sentence is no row of cells.
    if (word.back() == '.' && word.size() > 3) return std::nullopt;
    if (++words > most_words) return std::nullopt;
  }
  return dates[0].date;
}

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
