#include "common/analysis_accents.h"

#include <cstring>
#include <iterator>

namespace docsearch {
namespace {

struct Suffix {
  std::string_view unaccented;
  std::string_view accented;
};

// Only suffixes that the stemmer removes or rewrites differently with their
// accent, and that are (almost) always accented when written in full:
// French "-ité" (sécurité, identité), "-ée" (signée, adoptées), "-ière"
// (frontière, première); Spanish "-ción" (organización); Portuguese
// "-ção"/"-ções" (operação). Longest first within a language.
constexpr Suffix kFrench[] = {{"ites", "ités"}, {"ite", "ité"},     {"ees", "ées"},
                              {"ee", "ée"},     {"ieres", "ières"}, {"iere", "ière"}};
constexpr Suffix kSpanish[] = {{"cion", "ción"}};
constexpr Suffix kPortuguese[] = {{"coes", "ções"}, {"cao", "ção"}};

struct Language {
  const char* algorithm;
  const Suffix* suffixes;
  size_t count;
};

constexpr Language kLanguages[] = {
    {"french", kFrench, std::size(kFrench)},
    {"spanish", kSpanish, std::size(kSpanish)},
    {"portuguese", kPortuguese, std::size(kPortuguese)},
    {"italian", nullptr, 0},
    {"romanian", nullptr, 0},
};

const Language* LanguageOf(const char* algorithm) {
  if (algorithm == nullptr) return nullptr;
  for (const Language& language : kLanguages) {
    if (std::strcmp(language.algorithm, algorithm) == 0) return &language;
  }
  return nullptr;
}

// A suffix is put back only after a stem of two letters or more, so short
// words ("ee", "cao") are left alone.
constexpr size_t kShortestStem = 2;

}  // namespace

bool StemsUnaccented(const char* algorithm) { return LanguageOf(algorithm) != nullptr; }

std::string StemmerInputOfUnaccented(std::string_view unaccented_word, const char* algorithm) {
  const Language* language = LanguageOf(algorithm);
  if (language != nullptr) {
    for (size_t i = 0; i < language->count; ++i) {
      const Suffix& suffix = language->suffixes[i];
      if (unaccented_word.size() >= suffix.unaccented.size() + kShortestStem &&
          unaccented_word.ends_with(suffix.unaccented)) {
        std::string word(
            unaccented_word.substr(0, unaccented_word.size() - suffix.unaccented.size()));
        word.append(suffix.accented);
        return word;
      }
    }
  }
  return std::string(unaccented_word);
}

}  // namespace docsearch
