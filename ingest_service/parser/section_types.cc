#include "ingest_service/parser/section_types.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"
#include "ingest_service/parser/breadcrumb_section.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/parse_warnings.h"
#include "ingest_service/parser/title_run.h"

namespace docsearch::ingest {
namespace {

// A line between a section's name and the headline that says when the
// text was published or how long it takes to read.
bool IsDateOrReadingTime(absl::string_view line, LineRole role) {
  constexpr int kMostWords = 6;
  if (role == LineRole::kDate) return true;
  const absl::string_view text = TrimLine(line);
  if (CountWordsUpTo(text, kMostWords + 1) > kMostWords) return false;
  if (!FindDates(text).empty()) return true;
  const std::string folded = absl::AsciiStrToLower(text);
  for (absl::string_view reading : {"min read", "minute read", "minutes read", "min de lecture",
                                    "min de lectura", "min lesezeit", "min di lettura"}) {
    if (absl::StrContains(folded, reading)) return true;
  }
  return false;
}

// Whether every word of `text` opens with a capital (a letter beyond ASCII
// counts as one: "État", "Österreich").
bool EveryWordCapitalized(absl::string_view text) {
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    const unsigned char first = static_cast<unsigned char>(word.front());
    if (!absl::ascii_isupper(first) && first < 0x80) return false;
  }
  return true;
}

// A label followed by who issues it: "Communiqué de presse du Conseil
// d'Etat", "Press release of the Ministry of Health", "Pressemitteilung
// des Senats". A short line (a kicker, not a headline: "Statement by the
// Minister on the floods" names its topic too).
constexpr int kMostIssuedLabelWords = 9;

// The first word of who issues a text: a ministry, a council, a
// government, an office, a president or minister ("Summary of the
// Judgment" names what is summed up, not who issues it).
bool NamesAnIssuer(absl::string_view word) {
  const std::string folded = FoldAccents(word);
  for (absl::string_view issuer :
       {"minist",     "council",     "conseil",      "consejo",    "consiglio", "rat",
        "senat",      "government",  "gouvernement", "gobierno",   "governo",   "regierung",
        "president",  "premier",     "prime",        "secretar",   "office",    "bureau",
        "department", "departement", "departamento", "commission", "comision",  "commissione",
        "kommission", "cabinet",     "gabinete",     "embassy",    "ambassade", "embajada",
        "mission",    "parliament",  "parlement",    "parlamento", "parlament", "assembl",
        "state",      "etat",        "estado",       "stato",      "city",      "ville",
        "mayor",      "maire",       "agency",       "agence",     "agencia",   "bank",
        "banque",     "banco",       "court",        "cour",       "tribunal"}) {
    if (absl::StartsWith(folded, issuer)) return true;
  }
  return false;
}

std::optional<v1::DocType> KindOfIssuedLabel(absl::string_view text) {
  if (CountWordsUpTo(text, kMostIssuedLabelWords + 1) > kMostIssuedLabelWords ||
      EndsSentence(text) || !FindDates(text).empty()) {
    return std::nullopt;
  }
  const std::optional<LeadingLabel> label = DocTypeLabelPrefix(text, /*any_rest=*/true);
  if (!label.has_value() || label->type == v1::DOC_TYPE_OTHER) return std::nullopt;
  const std::vector<absl::string_view> words =
      absl::StrSplit(text.substr(label->length), ' ', absl::SkipEmpty());
  // The link words, then a name: capitalized (or opening with a letter
  // beyond ASCII, "État").
  for (const std::vector<absl::string_view>& link :
       std::vector<std::vector<absl::string_view>>{{"du"},
                                                   {"de", "la"},
                                                   {"des"},
                                                   {"de"},
                                                   {"of", "the"},
                                                   {"from", "the"},
                                                   {"der"},
                                                   {"del"},
                                                   {"de", "los"},
                                                   {"della"},
                                                   {"van", "de"}}) {
    if (words.size() <= link.size()) continue;
    bool linked = true;
    for (size_t w = 0; w < link.size() && linked; ++w) linked = words[w] == link[w];
    if (!linked) continue;
    const unsigned char first = static_cast<unsigned char>(words[link.size()].front());
    if ((absl::ascii_isupper(first) || first >= 0x80) && NamesAnIssuer(words[link.size()])) {
      return label->type;
    }
  }
  return std::nullopt;
}

// Still no type: a site's section printed right next to the headline
// ("News" above it, "Speeches" over it, "News" under its date) names the
// kind of text the page holds. Only the lines touching the title count: a
// menu higher up prints the same names for every page of the site.
// Most words of a menu's item.
constexpr int kMenuItemWords = 3;

void SetTypeFromSectionNextToTitle(const std::vector<SourceLine>& lines,
                                   const std::vector<LineFeatures>& features,
                                   const std::vector<LineRole>& roles, v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED) return;
  const std::optional<TitleLines> title = FindTitleLines(roles);
  if (!title.has_value()) return;
  const size_t title_begin = title->begin;
  const size_t title_end = title->end;
  // A line of a few words under the name goes on a menu ("News" /
  // "Speeches" / "Publications" under the title).
  auto menu_goes_on = [&](size_t k) {
    if (k + 1 >= features.size()) return false;
    const absl::string_view next = TrimLine(lines[features[k + 1].line_index].text);
    return CountWordsUpTo(next, kMenuItemWords + 1) <= kMenuItemWords && !EndsSentence(next) &&
           FindDates(next).empty();
  };
  // Above the title no such test: a site prints its section's name as the
  // last line of its menu and breadcrumb ("Events" / "News" / headline),
  // and a menu ending in another section's name right above a headline
  // ("Publications" / "Speeches" / a news item) is then read as that
  // section: over the read and unread layouts, the test cost five right
  // types to avoid it.
  std::vector<size_t> neighbours;
  if (title_begin > 0) neighbours.push_back(title_begin - 1);
  // Over the title's date line or a reading time ("Press Releases" /
  // "Date : Feb 15, 2024" / headline; "News Releases" / "3 min read").
  if (title_begin > 1 && IsDateOrReadingTime(lines[features[title_begin - 1].line_index].text,
                                             roles[title_begin - 1])) {
    neighbours.push_back(title_begin - 2);
  }
  if (title_end < roles.size()) {
    if (!menu_goes_on(title_end)) neighbours.push_back(title_end);
    // Under the title's date line.
    if (roles[title_end] == LineRole::kDate && title_end + 1 < roles.size() &&
        !menu_goes_on(title_end + 1)) {
      neighbours.push_back(title_end + 1);
    }
  }
  for (size_t k : neighbours) {
    const SourceLine& line = lines[features[k].line_index];
    const absl::string_view text = TrimLine(line.text);
    std::optional<v1::DocType> type = DocTypeFromSectionName(text);
    // The date line's first cell may be the section or the label
    // ("Nieuwsbericht | 14-06-2019 | 11:20", "News | 3 May 2021").
    if (!type.has_value() && (roles[k] == LineRole::kDate || !FindDates(text).empty())) {
      const absl::string_view cell = TrimLine(text.substr(0, text.find(" | ")));
      if (cell.size() < text.size()) {
        type = DocTypeFromSectionName(cell);
        if (!type.has_value()) type = DocTypeFromLabelLine(cell);
      }
    }
    // Right over the title, the label with who issues it ("Communiqué de
    // presse du Conseil d'Etat", "Press release of the Ministry of Health").
    if (!type.has_value() && k + 1 == title_begin) type = KindOfIssuedLabel(text);
    // Right over a longer title, the text's short name ("Bonn Declaration"
    // over "World Conference on …: Moving into the Second Half of the
    // Decade").
    // A name: every word capitalized ("Tax declaration", "Keynote
    // highlights" are a section's or a topic's heading).
    constexpr int kMostShortNameWords = 4;
    if (!type.has_value() && k + 1 == title_begin &&
        CountWordsUpTo(text, kMostShortNameWords + 1) <= kMostShortNameWords &&
        text.size() < document->title().size() && EveryWordCapitalized(text)) {
      type = DocTypeFromTitle(text);
    }
    // A label over the title or over its date line that the model read
    // with the furniture around it ("COMMUNIQUÉ DE PRESSE" / "Paris, le 24
    // juillet 2008" / headline, in a message quoted on a forum).
    if (!type.has_value() && k < title_begin) type = DocTypeFromLabelLine(text);
    if (!type.has_value()) continue;
    SetDocTypeWithWarning(document, *type, ParseWarningCode::kDocTypeFromHeadLine,
                          absl::StrCat("no type label; line ", line.number,
                                       " next to the title names the site's section"));
    return;
  }
}

// A breadcrumb printed one step per line, as a browser copies a path
// marked up as a list: "Home" / "News and Events" / "News" / "2022" /
// headline.
struct BreadcrumbLines {
  size_t home = 0;  // The feature index of its "Home" line.
  v1::DocType type = v1::DOC_TYPE_UNSPECIFIED;
};

// Lines of a path printed one step per line, at most: the home page, a
// section, a subsection and two dating steps.
constexpr size_t kMostPathLines = 6;
// Words of one step.
constexpr int kMostPathStepWords = 5;

// The text of feature line k, trimmed.
absl::string_view TextOf(const std::vector<SourceLine>& lines,
                         const std::vector<LineFeatures>& features, size_t k) {
  return TrimLine(lines[features[k].line_index].text);
}

// The "Home" line of a path printed one step per line above feature line
// `end`, at most `most_lines` up, with at least one step between; nullopt
// when a line on the way is too long for a step or ends a sentence.
std::optional<size_t> HomeLineAbove(const std::vector<SourceLine>& lines,
                                    const std::vector<LineFeatures>& features, size_t end,
                                    size_t most_lines) {
  for (size_t home = end; home-- > 0 && end - home <= most_lines;) {
    const absl::string_view text = TextOf(lines, features, home);
    if (CountWordsUpTo(text, kMostPathStepWords + 1) > kMostPathStepWords || EndsSentence(text)) {
      return std::nullopt;
    }
    if (!IsHomeStepLine(text)) continue;
    if (end - home < 2) return std::nullopt;
    return home;
  }
  return std::nullopt;
}

// The section the path's lines [home, end) file the page under.
std::optional<BreadcrumbLines> PathOfLines(const std::vector<SourceLine>& lines,
                                           const std::vector<LineFeatures>& features, size_t home,
                                           size_t end) {
  std::string path(TextOf(lines, features, home));
  for (size_t k = home + 1; k < end; ++k) {
    absl::StrAppend(&path, " > ", TextOf(lines, features, k));
  }
  const std::optional<v1::DocType> type = DocTypeFromBreadcrumb(path);
  if (!type.has_value()) return std::nullopt;
  return BreadcrumbLines{home, *type};
}

// A menu prints the same short lines, and may open at "Home" too; what
// tells the path is that its first step repeats an item of the menu above
// it ("News and Events" in the menu, then "Home" / "News and Events" /
// "News"): the path retraces the menu down to the page. The lines end
// right above the title (or above its date line).
std::optional<BreadcrumbLines> FindBreadcrumbLines(const std::vector<SourceLine>& lines,
                                                   const std::vector<LineFeatures>& features,
                                                   size_t title_begin) {
  auto text_of = [&](size_t k) { return TextOf(lines, features, k); };
  size_t end = title_begin;
  if (end > 0 && !FindDates(text_of(end - 1)).empty() && CountWordsUpTo(text_of(end - 1), 7) <= 6) {
    --end;  // The title's date line under the path.
  }
  const std::optional<size_t> home = HomeLineAbove(lines, features, end, kMostPathLines);
  if (!home.has_value()) return std::nullopt;
  const absl::string_view first_step = text_of(*home + 1);
  bool retraces_menu = false;
  for (size_t k = 0; k < *home && !retraces_menu; ++k) retraces_menu = text_of(k) == first_step;
  if (!retraces_menu) return std::nullopt;
  return PathOfLines(lines, features, *home, end);
}

// Whether `line` is the head of `title` cut short with an ellipsis, as a
// path prints its last step ("Low Emission Zone..." over "Low Emission
// Zone introduced in Edinburgh city centre").
bool IsTitleCutShort(absl::string_view line, absl::string_view title) {
  absl::string_view head = line;
  if (!absl::ConsumeSuffix(&head, "...") && !absl::ConsumeSuffix(&head, "\xE2\x80\xA6")) {
    return false;
  }
  head = absl::StripTrailingAsciiWhitespace(head);
  constexpr size_t kShortestHead = 8;
  return head.size() >= kShortestHead && head.size() < title.size() &&
         absl::StartsWith(title, head);
}

// A path printed one step per line that ends in the headline cut short, with
// the site's menu between it and the headline itself: "Home" / "News" /
// "Low Emission Zone..." / "Council tax" / … / headline. The headline's
// head tells the path from a menu; the one step between names the section.
std::optional<BreadcrumbLines> FindPathEndingInTitleHead(const std::vector<SourceLine>& lines,
                                                         const std::vector<LineFeatures>& features,
                                                         size_t title_begin,
                                                         absl::string_view title) {
  for (size_t end = title_begin; end-- > 0;) {
    if (!IsTitleCutShort(TextOf(lines, features, end), title)) continue;
    // "Home", one section, the headline's head: the last items of a menu
    // above a featured headline ("Home" / "Events" / "Speeches" /
    // "Minister opens...") print more lines between.
    constexpr size_t kLinesFromHome = 2;
    const std::optional<size_t> home = HomeLineAbove(lines, features, end, kLinesFromHome);
    if (!home.has_value()) return std::nullopt;
    return PathOfLines(lines, features, *home, end);
  }
  return std::nullopt;
}

// Still no type: the breadcrumb above the title files the page under a
// section of one kind ("Home › News › 18 January 2024"). The last path
// above the title counts: a site prints its own path once, nearest the
// headline.
void SetTypeFromBreadcrumbAboveTitle(const std::vector<SourceLine>& lines,
                                     const std::vector<LineFeatures>& features,
                                     const std::vector<LineRole>& roles, v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED) return;
  const std::optional<TitleLines> title = FindTitleLines(roles);
  if (!title.has_value()) return;
  for (size_t k = title->begin; k-- > 0;) {
    const SourceLine& line = lines[features[k].line_index];
    const absl::string_view text = TrimLine(line.text);
    if (!IsBreadcrumbPath(text)) continue;
    std::optional<v1::DocType> type = DocTypeFromBreadcrumb(text);
    if (!type.has_value()) return;
    SetDocTypeWithWarning(document, *type, ParseWarningCode::kDocTypeFromHeadLine,
                          absl::StrCat("no type label; the breadcrumb on line ", line.number,
                                       " files the page under a section"));
    return;
  }
  std::optional<BreadcrumbLines> path = FindBreadcrumbLines(lines, features, title->begin);
  if (!path.has_value()) {
    path = FindPathEndingInTitleHead(lines, features, title->begin, document->title());
  }
  if (path.has_value()) {
    SetDocTypeWithWarning(document, path->type, ParseWarningCode::kDocTypeFromHeadLine,
                          absl::StrCat("no type label; the breadcrumb printed one step per line "
                                       "from line ",
                                       lines[features[path->home].line_index].number,
                                       " files the page under a section"));
  }
}

// Still no type: a line by the title files the page under topics or
// categories, as blogging and publishing systems print them ("By U.S.
// Embassy Accra | 17 April, 2024 | Topics: News, Press Releases", "Posted
// in Speeches"). A release or a statement filed under "News" too is a
// release or a statement; any other kind filed under "News" is news.
void SetTypeFromTopicsLine(const std::vector<SourceLine>& lines,
                           const std::vector<LineFeatures>& features,
                           const std::vector<LineRole>& roles, v1::Document* document) {
  if (document->doc_type() != v1::DOC_TYPE_UNSPECIFIED) return;
  const std::optional<TitleLines> title = FindTitleLines(roles);
  if (!title.has_value()) return;
  constexpr size_t kLinesAway = 3;
  const size_t first = title->begin > kLinesAway ? title->begin - kLinesAway : 0;
  const size_t last = std::min(features.size(), title->end + kLinesAway);
  for (size_t k = first; k < last; ++k) {
    const SourceLine& line = lines[features[k].line_index];
    const absl::string_view trimmed = TrimLine(line.text);
    const std::string lowered = absl::AsciiStrToLower(trimmed);
    for (absl::string_view opening :
         {"topics:", "topic:", "categories:", "category:", "filed under:", "posted in "}) {
      const size_t at = absl::string_view(lowered).find(opening);
      // The opening starts the line or a cell of it.
      if (at == std::string::npos || (at > 0 && lowered[at - 1] != ' ')) continue;
      absl::string_view topics = trimmed.substr(at + opening.size());
      topics = topics.substr(0, topics.find(" | "));
      std::optional<v1::DocType> type;
      for (absl::string_view topic : absl::StrSplit(topics, ',')) {
        const std::optional<v1::DocType> named = DocTypeFromSectionName(topic);
        if (!named.has_value()) continue;
        // A release or a statement is also news; a speech filed under
        // "News" too is news about one.
        if (!type.has_value() ||
            (*type == v1::DOC_TYPE_UPDATE &&
             (*named == v1::DOC_TYPE_PRESS_RELEASE || *named == v1::DOC_TYPE_PRESS_STATEMENT))) {
          type = named;
        }
      }
      if (!type.has_value()) continue;
      SetDocTypeWithWarning(
          document, *type, ParseWarningCode::kDocTypeFromHeadLine,
          absl::StrCat("no type label; line ", line.number, " files the page under a topic"));
      return;
    }
  }
}

}  // namespace

void ReadTypeFromSiteSection(const std::vector<SourceLine>& lines,
                             const std::vector<LineFeatures>& features,
                             const std::vector<LineRole>& roles, v1::Document* document) {
  SetTypeFromSectionNextToTitle(lines, features, roles, document);
  SetTypeFromBreadcrumbAboveTitle(lines, features, roles, document);
  SetTypeFromTopicsLine(lines, features, roles, document);
}

}  // namespace docsearch::ingest
