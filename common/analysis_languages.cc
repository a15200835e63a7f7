#include "common/analysis_languages.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "unicode/locid.h"

namespace docsearch {
namespace {

// Primary subtag → Snowball algorithm; nullptr for a language the analyzer
// treats specially without stemming it (Catalan: elision, word_variants.h).
constexpr std::pair<std::string_view, const char*> kLanguages[] = {
    {"en", "english"}, {"fr", "french"},     {"de", "german"},    {"es", "spanish"},
    {"it", "italian"}, {"pt", "portuguese"}, {"nl", "dutch"},     {"sv", "swedish"},
    {"da", "danish"},  {"no", "norwegian"},  {"nb", "norwegian"}, {"nn", "norwegian"},
    {"fi", "finnish"}, {"ru", "russian"},    {"ro", "romanian"},  {"hu", "hungarian"},
    {"tr", "turkish"}, {"ca", nullptr},
};

std::string_view PrimarySubtag(std::string_view language) {
  return language.substr(0, language.find_first_of("-_"));
}

bool WellFormed(std::string_view tag) {
  bool primary = true;
  for (size_t start = 0; start <= tag.size();) {
    const size_t end = std::min(tag.find_first_of("-_", start), tag.size());
    const std::string_view subtag = tag.substr(start, end - start);
    start = end + 1;
    const size_t most = primary ? 3 : 8;
    const size_t least = primary ? 2 : 1;
    if (subtag.size() < least || subtag.size() > most) return false;
    for (char c : subtag) {
      if (!(absl::ascii_isalpha(c) || (!primary && absl::ascii_isdigit(c)))) return false;
    }
    primary = false;
  }
  return true;
}

// Whether `primary` is an ISO 639 code ICU knows (595 codes in ICU 72: all
// of ISO 639-1 and the 3-letter codes of languages without one).
bool IsIsoLanguage(std::string_view primary) {
  for (const char* const* code = icu::Locale::getISOLanguages(); *code != nullptr; ++code) {
    if (primary == *code) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<std::string> AnalysisLanguageOf(std::string_view tag) {
  if (!WellFormed(tag)) {
    return absl::InvalidArgumentError(
        absl::StrCat("malformed language tag '", absl::CHexEscape(std::string(tag)),
                     "'; expected a BCP-47 tag such as 'en' or 'fr-BE' whose language is one of ",
                     AnalysisLanguageList()));
  }
  std::string lowered = absl::AsciiStrToLower(std::string(tag));
  for (const auto& [code, algorithm] : kLanguages) {
    if (PrimarySubtag(lowered) == code) return lowered;
  }
  // A language the analyzer has no stemmer for is still a language: its
  // documents were indexed folded and unstemmed, and a query in it must be
  // analysed the same way, not refused.
  if (IsIsoLanguage(PrimarySubtag(lowered))) return lowered;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown language '", std::string(tag), "'; expected one of ", AnalysisLanguageList(),
      " (stemmed), another ISO 639 code (analysed unstemmed), or nothing (detected)"));
}

absl::StatusOr<std::string> RequestedAnalysisLanguage(std::string_view tag,
                                                      std::string_view field) {
  if (tag.empty()) return std::string();
  absl::StatusOr<std::string> language = AnalysisLanguageOf(tag);
  if (!language.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(absl::string_view(field.data(), field.size()),
                                                   ": ", language.status().message()));
  }
  return language;
}

std::string AnalysisLanguageList() {
  std::string list;
  for (const auto& [code, algorithm] : kLanguages) {
    absl::StrAppend(&list, list.empty() ? "" : ", ", std::string(code));
  }
  return list;
}

const char* SnowballAlgorithmOf(std::string_view language) {
  for (const auto& [code, algorithm] : kLanguages) {
    if (PrimarySubtag(language) == code) return algorithm;
  }
  return nullptr;
}

}  // namespace docsearch
