#include "ingest_service/parser/breadcrumb_section.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"
#include "ingest_service/parser/date_names.h"
#include "ingest_service/parser/date_parser.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/east_asian_dates.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/non_latin_labels.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace docsearch::ingest {
namespace {

// A breadcrumb is one short line; a longer one is text that holds slashes.
constexpr size_t kLongestBreadcrumb = 160;
// Words of one step of a chain that does not open at the home page.
constexpr int kMostStepWords = 4;
// A publisher's initials after a section's name ("Notícias STF").
constexpr size_t kLongestPublisherInitials = 5;

// What a path opens with (folded), before its first separator.
constexpr absl::string_view kPathOpenings[] = {
    "you are here:", "you are here", "vous etes ici :", "vous etes ici:", "vous etes ici",
    "voce esta aqui:", "usted esta aqui:", "sie sind hier:",
    // Dutch, German, Italian, Spanish, Portuguese, Polish, Nordic.
    "u bevindt zich hier:", "u bent hier:", "sie befinden sich hier:", "siete qui:", "ti trovi in:",
    "se encuentra en:", "esta en:", "voce esta em:", "jestes tutaj:", "du er her:", "du ar har:",
    "olet tassa:",
    // Scripts other than Latin (folded to lower case as the steps are):
    // Russian, Ukrainian, Chinese ("current position", "your position"),
    // Japanese, Korean.
    "вы здесь:", "ви тут:",
    "\xE5\xBD\x93\xE5\x89\x8D\xE4\xBD\x8D\xE7\xBD\xAE\xEF\xBC\x9A",  // 当前位置：
    "\xE5\xBD\x93\xE5\x89\x8D\xE4\xBD\x8D\xE7\xBD\xAE\x3A",          // 当前位置:
    "\xE6\x82\xA8\xE7\x9A\x84\xE4\xBD\x8D\xE7\xBD\xAE\xEF\xBC\x9A",  // 您的位置：
    "\xE6\x82\xA8\xE7\x8E\xB0\xE5\x9C\xA8\xE7\x9A\x84\xE4\xBD\x8D\xE7\xBD\xAE\xEF\xBC"
    "\x9A",                                                          // 您现在的位置：
    "\xE7\x9B\xAE\xE5\x89\x8D\xE4\xBD\x8D\xE7\xBD\xAE\xEF\xBC\x9A",  // 目前位置：
    "\xE7\x8F\xBE\xE5\x9C\xA8\xE4\xBD\x8D\xE7\xBD\xAE\xEF\xBC\x9A",  // 現在位置：
    "\xED\x98\x84\xEC\x9E\xAC\x20\xEC\x9C\x84\xEC\xB9\x98",          // 현재 위치
};
constexpr absl::string_view kHomeSteps[] = {
    "home",
    "homepage",
    "accueil",
    "startseite",
    "inicio",
    "pagina inicial",
    "portada",
    "home page",
    // Swedish, Norwegian and Danish, Finnish, Polish ("ł" does not fold),
    // Romanian, Turkish, Indonesian, Malay, Italian, Dutch.
    "startsida",
    "forside",
    "hjem",
    "etusivu",
    "strona g\xC5\x82owna",
    "pagina principala",
    "acasa",
    "ana sayfa",
    "anasayfa",
    "beranda",
    "laman utama",
    "pagina iniziale",
    "homepagina",
    // Scripts other than Latin (in lower case, as folded): Russian,
    // Ukrainian, Bulgarian, Serbian, Greek, Arabic, Hebrew, Persian,
    // Chinese, Japanese, Korean, Thai, Georgian, Armenian, Hindi.
    "главная",
    "головна",
    "начало",
    "почетна",
    "αρχική",
    "الرئيسية",
    "الصفحة الرئيسية",
    "ראשי",
    "דף הבית",
    "صفحه اصلی",
    "首页",
    "首頁",
    "ホーム",
    "トップ",
    "トップページ",
    "ホームページ",
    "网站首页",
    "網站首頁",
    "홈으로",
    "главная страница",
    "головна сторінка",
    "начална страница",
    "κεντρική σελίδα",
    "मुखपृष्ठ",
    "முகப்பு",
    "trang chu",
    "หน้าหลัก",
    "홈",
    "หน้าแรก",
    "მთავარი",
    "գլխավոր",
    "होम",
    "मुख्य पृष्ठ",
};

bool IsHomeStep(absl::string_view step) {
  for (absl::string_view home : kHomeSteps) {
    if (step == home) return true;
  }
  return false;
}

// A step that only dates the page ("2024", "04", "18 January 2024").
bool IsDateStep(absl::string_view step) {
  if (step.empty()) return true;
  bool digits = true;
  for (char c : step) digits &= absl::ascii_isdigit(static_cast<unsigned char>(c)) != 0;
  if (digits) return true;
  if (MonthFromName(step) != 0) return true;
  if (IsEastAsianYearOrMonth(step)) return true;  // "令和6年10月", "2024年"
  return CountWordsUpTo(step, 5) <= 4 && !FindDates(step).empty();
}

// A last step repeating the page's headline ("Home > News > Minister
// opens the new hospital in the north"): longer than a section's name.
constexpr int kMostSectionWords = 6;

std::optional<docsearch::v1::DocType> TypeOfStep(absl::string_view step) {
  if (std::optional<docsearch::v1::DocType> type = DocTypeFromSectionName(step)) return type;
  // Whose section it is, before its name: "Minister's statements",
  // "Premier's media releases".
  if (const size_t possessive = step.find("'s ");
      possessive != absl::string_view::npos && step.find(' ') > possessive) {
    if (std::optional<docsearch::v1::DocType> type =
            DocTypeFromSectionName(step.substr(possessive + 3))) {
      return type;
    }
  }
  // A section's page for one year ("News 2024", "Press releases 2019").
  if (const size_t space = step.rfind(' '); space != absl::string_view::npos) {
    int year = 0;
    if (absl::SimpleAtoi(step.substr(space + 1), &year) && year > 1900 && year < 2200) {
      return TypeOfStep(step.substr(0, space));
    }
  }
  // The archive of a section of printed labels holds the section's kind
  // ("Press Release Archive", "Speeches archive"); a news archive holds
  // stories of every kind (the development set files them as other).
  for (absl::string_view archive : {" archives", " archive"}) {
    if (!absl::EndsWith(step, archive)) continue;
    const std::optional<docsearch::v1::DocType> type =
        DocTypeFromSectionName(step.substr(0, step.size() - archive.size()));
    if (type.has_value() && *type != docsearch::v1::DOC_TYPE_UPDATE) return type;
    return std::nullopt;
  }
  // The section's name, a link word and whose it is ("Noticias del
  // Ministerio", "News of the Embassy", "Actualités du ministère"), or,
  // in Indonesian and Malay, which join the owner without one, "Berita
  // Perwakilan" (the mission's news). The owner is a few words.
  constexpr int kMostOwnerWords = 3;
  for (absl::string_view link : {" del ", " de la ", " de los ", " du ", " des ", " de ", " dal ",
                                 " della ", " do ", " da ", " of the ", " of ", " from the "}) {
    const size_t at = step.find(link);
    if (at == absl::string_view::npos || at == 0) continue;
    const absl::string_view owner = step.substr(at + link.size());
    if (owner.empty() || CountWordsUpTo(owner, kMostOwnerWords + 1) > kMostOwnerWords) continue;
    if (std::optional<docsearch::v1::DocType> type = DocTypeFromSectionName(step.substr(0, at))) {
      return type;
    }
  }
  for (absl::string_view joined : {"berita ", "siaran pers "}) {
    if (absl::StartsWith(step, joined) &&
        CountWordsUpTo(step.substr(joined.size()), kMostOwnerWords) < kMostOwnerWords) {
      return DocTypeFromSectionName(absl::StripTrailingAsciiWhitespace(joined));
    }
  }
  // The section's name with its publisher's after it.
  const size_t space = step.find(' ');
  if (space == absl::string_view::npos) return std::nullopt;
  // One short name, a publisher's initials ("STF", "BMVg"): "News &
  // Events" and "Noticias y eventos" join sections, "News Archive" holds
  // every kind.
  const absl::string_view rest = step.substr(space + 1);
  if (rest.size() > kLongestPublisherInitials || rest.find(' ') != absl::string_view::npos ||
      !absl::ascii_isalpha(rest.front())) {
    return std::nullopt;
  }
  return DocTypeFromSectionName(step.substr(0, space));
}

}  // namespace

bool IsHomeStepLine(absl::string_view line) {
  return IsHomeStep(FoldAccents(absl::StripAsciiWhitespace(line)));
}

namespace {

// In scripts other than Latin, a chain of short steps that does not open
// at a known home page is a path only when it reads as a site's section
// names: no colon (a headline's places: "Москва / Казань / Сочи: новые
// авиарейсы"), no step that is a date or a number (a date line: "الثلاثاء
// 12 / 03 / 2024", "Спорт / Хоккей / 12.03.2024"), and in scripts with
// capitals every step opening with one (a list: "овощи / фрукты / ягоды",
// a subheading: "Ключевая ставка > инфляция > ожидания").
bool IsChainOfSectionNames(absl::string_view line, absl::string_view separator) {
  if (absl::StrContains(line, ':') || absl::StrContains(line, "\xEF\xBC\x9A")) return false;
  for (absl::string_view step : absl::StrSplit(line, separator, absl::SkipWhitespace())) {
    step = absl::StripAsciiWhitespace(step);
    if (IsDateStep(FoldAccents(step)) || absl::ascii_isdigit(static_cast<unsigned char>(step[0]))) {
      return false;
    }
    UChar32 first = 0;
    int32_t at = 0;
    U8_NEXT(step.data(), at, static_cast<int32_t>(step.size()), first);
    if (first < 0 || (u_islower(first) != 0)) return false;
  }
  return true;
}

// The steps of `line` read as a path, without its trailing dates and a
// repeated headline; nullopt when the line is no path.
std::optional<std::vector<std::string>> PathSteps(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  // Every separator below holds one of these bytes ("›" and "»" end in
  // 0xBA and 0xBB): most lines hold none and are not split.
  if (line.empty() || line.size() > kLongestBreadcrumb ||
      line.find_first_of("/>|\xBA\xBB") == absl::string_view::npos || EndsSentence(line)) {
    return std::nullopt;
  }
  // Split as printed (folding turns the guillemet "»" into a quote), then
  // fold each step.
  for (absl::string_view separator : {" > ", " \xE2\x80\xBA ", " \xC2\xBB ", " / ", " | "}) {
    if (!absl::StrContains(line, separator)) continue;
    std::vector<std::string> steps;
    for (absl::string_view step : absl::StrSplit(line, separator, absl::SkipWhitespace())) {
      steps.push_back(FoldAccents(absl::StripAsciiWhitespace(step)));
    }
    if (steps.size() < 2) continue;
    bool opened = false;
    for (absl::string_view opening : kPathOpenings) {
      absl::string_view first = steps.front();
      if (absl::ConsumePrefix(&first, opening)) {
        steps.front() = std::string(absl::StripAsciiWhitespace(first));
        opened = true;
        break;
      }
    }
    // A menu printed with pipes opens at home too ("Home | About | News"):
    // pipes make a path only after "You are here".
    if (separator == " | " && !opened) continue;
    if (!opened && !IsHomeStep(steps.front())) {
      if (steps.size() < 3) continue;
      if (OpensWithNonLatinLetter(line) && !IsChainOfSectionNames(line, separator)) continue;
      bool short_steps = true;
      for (absl::string_view step : steps) {
        short_steps &= CountWordsUpTo(step, kMostStepWords + 1) <= kMostStepWords;
      }
      if (!short_steps) continue;
    }
    if (steps.size() > 2 &&
        CountWordsUpTo(steps.back(), kMostSectionWords + 1) > kMostSectionWords) {
      steps.pop_back();
    }
    while (!steps.empty() && IsDateStep(steps.back())) steps.pop_back();
    return steps;
  }
  return std::nullopt;
}

}  // namespace

bool IsBreadcrumbPath(absl::string_view line) { return PathSteps(line).has_value(); }

std::optional<docsearch::v1::DocType> DocTypeFromBreadcrumb(absl::string_view line) {
  // One step left of a path that did not open at the home page ("Press
  // releases > 2000 > June") is the section: PathSteps took it for a path
  // because it printed three steps.
  const std::optional<std::vector<std::string>> steps = PathSteps(line);
  if (!steps.has_value() || steps->empty()) return std::nullopt;
  // "Communiqués" files a French-speaking site's press releases; in an
  // English path it may hold communiqués.
  if (steps->back() == "communiques" &&
      (steps->front() == "accueil" || steps->front() == "page d'accueil")) {
    return docsearch::v1::DOC_TYPE_PRESS_RELEASE;
  }
  return TypeOfStep(steps->back());
}

}  // namespace docsearch::ingest
