#include "query_service/search/function_words.h"

#include <algorithm>
#include <iterator>

#include "absl/strings/match.h"

namespace docsearch::query {
namespace {

// Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.
constexpr std::string_view kEnglish[] = {
    "a",   "an",    "and",  "are",   "as",    "at",   "be",   "but", "by",  "for",  "if",
    "in",  "into",  "is",   "it",    "no",    "not",  "of",   "on",  "or",  "such", "that",
    "the", "their", "then", "there", "these", "they", "this", "to",  "was", "will", "with"};

// Snowball's French list (Lucene's FrenchAnalyzer), accents folded.
constexpr std::string_view kFrench[] = {
    "a",       "ai",      "aie",      "aient",   "aies",     "ait",     "as",       "au",
    "aura",    "aurai",   "auraient", "aurais",  "aurait",   "auras",   "aurez",    "auriez",
    "aurions", "aurons",  "auront",   "aux",     "avaient",  "avais",   "avait",    "avec",
    "avez",    "aviez",   "avions",   "avons",   "ayant",    "ayez",    "ayons",    "c",
    "ce",      "ceci",    "cela",     "cet",     "cette",    "ces",     "d",        "dans",
    "de",      "des",     "du",       "elle",    "en",       "es",      "est",      "et",
    "etaient", "etais",   "etait",    "etant",   "ete",      "etee",    "etees",    "etes",
    "etiez",   "etions",  "eu",       "eue",     "eues",     "eumes",   "eurent",   "eus",
    "eusse",   "eussent", "eusses",   "eussiez", "eussions", "eut",     "eutes",    "eux",
    "fumes",   "furent",  "fus",      "fusse",   "fussent",  "fusses",  "fussiez",  "fussions",
    "fut",     "futes",   "ici",      "il",      "ils",      "j",       "je",       "l",
    "la",      "le",      "les",      "leur",    "leurs",    "lui",     "m",        "ma",
    "mais",    "me",      "meme",     "mes",     "moi",      "mon",     "n",        "ne",
    "nos",     "notre",   "nous",     "on",      "ont",      "ou",      "par",      "pas",
    "pour",    "qu",      "que",      "quel",    "quelle",   "quelles", "quels",    "qui",
    "s",       "sa",      "sans",     "se",      "sera",     "serai",   "seraient", "serais",
    "serait",  "seras",   "serez",    "seriez",  "serions",  "serons",  "seront",   "ses",
    "soi",     "soient",  "sois",     "soit",    "sommes",   "son",     "sont",     "soyez",
    "soyons",  "suis",    "sur",      "t",       "ta",       "te",      "tes",      "toi",
    "ton",     "tu",      "un",       "une",     "vos",      "votre",   "vous",     "y"};

// The primary subtag of `language` is `code` ("fr", "fr-BE", "FR_ca").
bool PrimaryIs(std::string_view language, std::string_view code) {
  if (language.size() < code.size()) return false;
  if (language.size() > code.size() && language[code.size()] != '-' &&
      language[code.size()] != '_') {
    return false;
  }
  return absl::EqualsIgnoreCase(absl::string_view(language.data(), code.size()),
                                absl::string_view(code.data(), code.size()));
}

template <size_t N>
bool In(const std::string_view (&words)[N], std::string_view word) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

}  // namespace

bool IsFunctionWord(std::string_view folded_word, std::string_view language) {
  if (PrimaryIs(language, "en")) return In(kEnglish, folded_word);
  if (PrimaryIs(language, "fr")) return In(kFrench, folded_word);
  return false;
}

}  // namespace docsearch::query
