#include "common/query_language.h"

#include <array>
#include <vector>

namespace docsearch {
namespace {

struct LanguageSigns {
  std::string_view language;
  // Whole words (lower case, ASCII apostrophe) that mark the language.
  std::vector<std::string_view> function_words;
  // UTF-8 letters that mark it (lower and upper case).
  std::vector<std::string_view> letters;
};

const std::vector<LanguageSigns>& Signs() {
  static const auto* signs = new std::vector<LanguageSigns>{
      {"en",
       {"the", "of", "and", "to", "in", "for", "with", "against", "on", "by", "from", "between",
        "about", "after", "at"},
       {}},
      {"fr",
       {"le",     "la",    "les",  "l",    "d",    "de",  "du",  "des",  "au",
        "aux",    "et",    "un",   "une",  "pour", "par", "sur", "dans", "avec",
        "contre", "entre", "sans", "sous", "qu",   "ou",  "est", "sont"},
       {"é", "è", "ê", "à", "ç", "ù", "û", "î", "ô", "œ", "ë", "ï", "É", "È", "À", "Ç"}},
      {"de",
       {"der", "die", "das", "des", "dem", "den", "und", "zu",   "mit",  "von",
        "für", "im",  "ist", "zum", "zur", "auf", "ein", "eine", "nach", "gegen"},
       {"ä", "ö", "ü", "ß", "Ä", "Ö", "Ü"}},
      {"es",
       {"el", "los", "las", "del", "y", "con", "por", "para", "una", "sobre", "contra", "entre"},
       {"ñ", "á", "í", "ó", "ú", "¿", "¡", "Ñ"}},
      {"it",
       {"il", "gli", "della", "delle", "dei", "degli", "nel", "nella", "per", "con", "sul", "una",
        "contro", "tra", "fra"},
       {"ì", "ò"}},
  };
  return *signs;
}

// The query's words: runs of letters, digits and any non-ASCII byte, lower-
// cased (ASCII only, which is all the function words need), split at
// apostrophes so "l'OTAN" gives "l" and "otan".
std::vector<std::string> Words(std::string_view query) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i <= query.size(); ++i) {
    const unsigned char c = i < query.size() ? static_cast<unsigned char>(query[i]) : ' ';
    const bool right_quote = i + 2 < query.size() && query.substr(i, 3) == "\u2019";
    if (c >= 0x80 && !right_quote) {
      word.push_back(static_cast<char>(c));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      if (right_quote) i += 2;
    }
  }
  return words;
}

}  // namespace

std::string DetectQueryLanguage(std::string_view query) {
  const std::vector<std::string> words = Words(query);
  std::string_view best;
  int best_score = 0;
  bool tied = false;
  for (const LanguageSigns& signs : Signs()) {
    int score = 0;
    for (const std::string& word : words) {
      for (std::string_view function_word : signs.function_words) {
        if (word == function_word) score += 2;
      }
    }
    for (std::string_view letter : signs.letters) {
      for (size_t at = query.find(letter); at != std::string_view::npos;
           at = query.find(letter, at + letter.size())) {
        ++score;
      }
    }
    if (score > best_score) {
      best = signs.language;
      best_score = score;
      tied = false;
    } else if (score == best_score && score > 0) {
      tied = true;
    }
  }
  return tied ? std::string() : std::string(best);
}

}  // namespace docsearch
