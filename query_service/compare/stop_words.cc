#include "query_service/compare/stop_words.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"

namespace docsearch::query::compare {
namespace {

// The Snowball English list, plus modal verbs and the list markers of
// official prose ("including", "particular", "also") so that they split
// phrases instead of joining them.
constexpr absl::string_view kEnglishStop[] = {
    "a",      "about",    "above",   "after",     "again",  "against", "all",     "also",
    "am",     "among",    "an",      "any",       "are",    "as",      "be",      "because",
    "been",   "before",   "being",   "below",     "beyond", "between", "both",    "but",
    "by",     "can",      "could",   "did",       "do",     "does",    "doing",   "down",
    "during", "each",     "either",  "etc",       "few",    "from",    "further", "had",
    "has",    "have",     "having",  "he",        "her",    "here",    "hers",    "herself",
    "him",    "himself",  "his",     "how",       "i",      "if",      "in",      "including",
    "into",   "is",       "it",      "its",       "itself", "may",     "me",      "might",
    "more",   "most",     "must",    "my",        "myself", "neither", "no",      "nor",
    "not",    "now",      "off",     "on",        "once",   "only",    "other",   "others",
    "ought",  "our",      "ours",    "ourselves", "out",    "over",    "own",     "particular",
    "per",    "same",     "shall",   "she",       "should", "since",   "so",      "some",
    "such",   "than",     "that",    "the",       "their",  "theirs",  "them",    "themselves",
    "then",   "there",    "these",   "they",      "this",   "those",   "through", "thus",
    "to",     "too",      "towards", "under",     "until",  "up",      "upon",    "us",
    "very",   "via",      "was",     "we",        "well",   "were",    "what",    "when",
    "where",  "whether",  "which",   "while",     "who",    "whom",    "whose",   "why",
    "will",   "with",     "within",  "without",   "would",  "yet",     "you",     "your",
    "yours",  "yourself", "s",       "t"};
constexpr absl::string_view kEnglishPreposition[] = {"of", "for", "at"};
constexpr absl::string_view kEnglishConjunction[] = {"and", "or"};
// After these an -ing word governs an object: "that improving X", "by
// strengthening X", "while developing X".
constexpr absl::string_view kEnglishGerundIntroducers[] = {
    "that", "to", "by", "while", "without", "after", "before", "when", "also", "on"};

constexpr absl::string_view kEnglishNounMarkers[] = {
    "the",     "a",         "an",    "its",   "their",   "our",     "his",    "her",     "your",
    "my",      "this",      "these", "those", "of",      "in",      "on",     "at",      "for",
    "against", "with",      "by",    "from",  "into",    "between", "among",  "all",     "any",
    "each",    "every",     "such",  "about", "towards", "under",   "within", "without", "through",
    "during",  "including", "other", "both",  "no"};
// Irregular past forms common in reporting prose.
constexpr absl::string_view kEnglishIrregularPast[] = {
    "said",  "met",  "made", "held",  "took",   "gave",    "told", "brought", "came",  "became",
    "began", "went", "saw",  "stood", "sought", "thought", "led",  "left",    "spoke", "wrote"};
constexpr absl::string_view kEnglishAdverbEndings[] = {"ally", "ely",  "ntly",  "ctly", "fully",
                                                       "ably", "ibly", "ively", "ously"};
constexpr absl::string_view kFrenchNounMarkers[] = {
    "le",   "la",   "les",    "l",    "un",   "une",   "des",   "du",    "de",       "d",     "au",
    "aux",  "sa",   "son",    "ses",  "leur", "leurs", "notre", "nos",   "ce",       "cette", "ces",
    "dans", "pour", "contre", "avec", "sur",  "par",   "en",    "entre", "notamment"};

// The Snowball French list (folded: no accents).
constexpr absl::string_view kFrenchStop[] = {
    "a",     "ai",   "aie",   "aient",  "aies",  "ait",   "as",     "au",        "aux",   "avec",
    "avait", "avez", "avons", "c",      "ce",    "ceci",  "cela",   "ces",       "cet",   "cette",
    "comme", "dans", "donc",  "elle",   "elles", "en",    "entre",  "est",       "et",    "etaient",
    "etait", "ete",  "etre",  "eu",     "eux",   "il",    "ils",    "j",         "je",    "l",
    "la",    "le",   "les",   "leur",   "leurs", "lui",   "m",      "ma",        "mais",  "me",
    "meme",  "mes",  "moi",   "mon",    "n",     "ne",    "nos",    "notre",     "nous",  "on",
    "ont",   "par",  "pas",   "plus",   "pour",  "qu",    "que",    "qui",       "s",     "sa",
    "sans",  "se",   "sera",  "seront", "ses",   "si",    "son",    "sont",      "sous",  "sur",
    "t",     "ta",   "te",    "tes",    "toi",   "ton",   "tous",   "tout",      "toute", "toutes",
    "tu",    "un",   "une",   "vos",    "votre", "vous",  "y",      "notamment", "ainsi", "aussi",
    "dont",  "ou",   "lors",  "afin",   "apres", "avant", "depuis", "chez",      "vers",  "sont",
    "fait"};
constexpr absl::string_view kFrenchPreposition[] = {"de", "du", "des", "d"};
constexpr absl::string_view kFrenchConjunction[] = {"et"};

bool IsFrench(absl::string_view language) {
  return absl::StartsWithIgnoreCase(language, "fr") &&
         (language.size() == 2 || language[2] == '-' || language[2] == '_');
}

template <size_t N>
bool Contains(const absl::string_view (&words)[N], absl::string_view word) {
  for (absl::string_view w : words) {
    if (w == word) return true;
  }
  return false;
}

// Sets built once per process from constant data: immutable after start.
const absl::flat_hash_set<absl::string_view>& Set(bool french) {
  static const auto* english =
      new absl::flat_hash_set<absl::string_view>(std::begin(kEnglishStop), std::end(kEnglishStop));
  static const auto* french_set =
      new absl::flat_hash_set<absl::string_view>(std::begin(kFrenchStop), std::end(kFrenchStop));
  return french ? *french_set : *english;
}

}  // namespace

WordRole RoleOf(absl::string_view word, absl::string_view language) {
  const bool french = IsFrench(language);
  if (french) {
    if (Contains(kFrenchPreposition, word)) return WordRole::kPreposition;
    if (Contains(kFrenchConjunction, word)) return WordRole::kConjunction;
  } else {
    if (Contains(kEnglishPreposition, word)) return WordRole::kPreposition;
    if (Contains(kEnglishConjunction, word)) return WordRole::kConjunction;
  }
  return Set(french).contains(word) ? WordRole::kStop : WordRole::kContent;
}

bool IntroducesGerund(absl::string_view previous_word, absl::string_view language) {
  return !IsFrench(language) && Contains(kEnglishGerundIntroducers, previous_word);
}

bool AnnouncesNoun(absl::string_view previous_word, absl::string_view language) {
  return IsFrench(language) ? Contains(kFrenchNounMarkers, previous_word)
                            : Contains(kEnglishNounMarkers, previous_word);
}

bool LooksLikeFiniteVerb(absl::string_view word, absl::string_view language) {
  if (IsFrench(language)) return false;
  static constexpr absl::string_view kNotVerbs[] = {"hundred", "hatred", "kindred", "sacred"};
  if (Contains(kNotVerbs, word)) return false;
  // "speed", "creed": short -eed words are nouns.
  if (word.size() <= 5 && absl::EndsWith(word, "eed")) return false;
  return (word.size() >= 5 && absl::EndsWith(word, "ed")) || Contains(kEnglishIrregularPast, word);
}

bool LooksLikeAdverb(absl::string_view word, absl::string_view language) {
  if (IsFrench(language) || word.size() < 5) return false;
  for (absl::string_view ending : kEnglishAdverbEndings) {
    if (absl::EndsWith(word, ending)) return true;
  }
  return false;
}

}  // namespace docsearch::query::compare
