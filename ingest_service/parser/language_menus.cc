#include "ingest_service/parser/language_menus.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace docsearch::ingest {
namespace {

// Languages as a site's language menu names them, folded: in English or in
// the language itself (a menu names each language in its own script, and
// folding lower-cases Latin letters only, so other scripts are listed as a
// menu prints them, capitalized and not).
constexpr absl::string_view kLanguageNames[] = {
    "english",
    "francais",
    "french",
    "deutsch",
    "german",
    "espanol",
    "spanish",
    "italiano",
    "italian",
    "russian",
    "russkij",
    "ukrainian",
    "portugues",
    "portuguese",
    "nederlands",
    "dutch",
    "polski",
    "polish",
    "turkce",
    "turkish",
    "magyar",
    "cestina",
    "slovencina",
    "slovenscina",
    "hrvatski",
    "srpski",
    "romana",
    "svenska",
    "dansk",
    "norsk",
    "suomi",
    "eesti",
    "latviesu",
    "lietuviu",
    "shqip",
    "arabic",
    "chinese",
    "japanese",
    "\xD0\xA0\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9",  // Русский
    "\xD1\x80\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9",  // русский
    "\xD0\xA3\xD0\xBA\xD1\x80\xD0\xB0\xD1\x97\xD0\xBD\xD1\x81\xD1\x8C\xD0\xBA\xD0"
    "\xB0",  // Українська
    "\xD1\x83\xD0\xBA\xD1\x80\xD0\xB0\xD1\x97\xD0\xBD\xD1\x81\xD1\x8C\xD0\xBA\xD0"
    "\xB0",                                                              // українська
    "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE\xBA\xCE\xAC",  // Ελληνικά
    "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9",          // العربية
    "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A",                                  // عربي
    "\xE4\xB8\xAD\xE6\x96\x87",                                          // 中文
};

// Two-letter codes of languages a site's menu offers, folded.
constexpr absl::string_view kLanguageCodes[] = {
    "ar", "bg", "cs", "da", "de", "ee", "el", "en", "es", "et", "fi", "fr", "ga",
    "hr", "hu", "is", "it", "ja", "ka", "ko", "lt", "lv", "mt", "nl", "no", "pl",
    "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk", "zh",
};

// "FR EN ES DE AR ZH", "عربي 中文 English Français Русский Español": three
// language codes or names or more, spaces between.
bool IsSpacedLanguageCodes(absl::string_view folded) {
  if (folded.size() > 100) return false;
  int codes = 0;
  for (absl::string_view cell : absl::StrSplit(folded, ' ', absl::SkipEmpty())) {
    bool known = false;
    for (absl::string_view code : kLanguageCodes) known |= cell == code;
    for (absl::string_view name : kLanguageNames) known |= cell == name;
    if (!known) return false;
    ++codes;
  }
  return codes >= 3;
}

}  // namespace

bool IsMenuLanguageName(absl::string_view folded) {
  for (absl::string_view exonym :
       {"french", "german", "spanish", "italian", "russian", "ukrainian", "portuguese", "dutch",
        "polish", "turkish", "arabic", "chinese", "japanese"}) {
    if (folded == exonym) return false;
  }
  for (absl::string_view language : kLanguageNames) {
    if (folded == language) return true;
  }
  return false;
}

bool IsLanguageMenu(absl::string_view folded) {
  if (folded.size() > 60) return false;
  if (IsSpacedLanguageCodes(folded)) return true;
  if (folded.find_first_of("/|") == absl::string_view::npos) return false;
  int cells = 0;
  for (absl::string_view cell : absl::StrSplit(folded, absl::ByAnyChar("/|"))) {
    cell = absl::StripAsciiWhitespace(cell);
    absl::ConsumeSuffix(&cell, ".");
    if (cell.empty()) continue;
    bool letters = true;
    for (char c : cell) letters &= absl::ascii_isalpha(static_cast<unsigned char>(c));
    const bool code = letters && cell.size() >= 2 && cell.size() <= 3;
    bool name = false;
    for (absl::string_view language : kLanguageNames) name |= cell == language;
    if (!code && !name) return false;
    ++cells;
  }
  return cells >= 2;
}

}  // namespace docsearch::ingest
