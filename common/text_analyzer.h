// The analysis chain shared by indexing and querying.
//
// Text becomes a sequence of terms: Unicode word segmentation (ICU word
// break rules, so "NATO-Russia" is two words and "1373" one), case folding,
// Snowball stemming chosen by the document's language (the languages of
// analysis_languages.h), then accent folding so "defence" and "défence"
// meet. In the Romance languages the word is unaccented before stemming too
// (analysis_accents.h), so "securite" and "sécurité" give the same term. Stop words are kept:
// phrases need their positions, and BM25's idf already makes them weigh little.
//
// The same chain runs at index and query time, which is what makes a query
// term meet the indexed term.
//
// Example:
//   TextAnalyzer analyzer;
//   for (const Token& t : analyzer.Analyze("Theatre Missile Defence", "en"))
//     ...  // "theatr"@0, "missil"@1, "defenc"@2
//
// Thread safety: a TextAnalyzer holds ICU and Snowball state that is not
// thread-safe. Use one per thread (they are cheap to make).
#ifndef DOCSEARCH_COMMON_TEXT_ANALYZER_H_
#define DOCSEARCH_COMMON_TEXT_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace docsearch {

struct Token {
  // The analyzed term (folded, stemmed).
  std::string term;
  // Word position, counting from 0; consecutive words differ by 1.
  uint32_t position = 0;
  // Byte range [start, end) of the word in the analyzed text.
  uint32_t start = 0;
  uint32_t end = 0;
};

// Options selecting how far analysis goes.
enum class Stemming { kByLanguage, kNone };

// How an analyzer shapes terms. Index and query must use the same options,
// or their terms do not meet.
struct AnalysisOptions {
  // Stem the unaccented word in the Romance languages (analysis_accents.h),
  // so a word typed or stored without its accents meets the accented one.
  // false: the stemmer reads the accents and only its output is folded, so
  // "securite" (securit) misses "sécurité" (secur).
  bool accent_insensitive_stems = true;
};

class TextAnalyzer {
 public:
  TextAnalyzer();
  explicit TextAnalyzer(const AnalysisOptions& options);
  ~TextAnalyzer();
  TextAnalyzer(const TextAnalyzer&) = delete;
  TextAnalyzer& operator=(const TextAnalyzer&) = delete;

  // Analyzes `text` (UTF-8; invalid bytes are skipped) in `language`, a
  // BCP-47 tag ("en", "fr-BE"); unknown languages are folded, not stemmed.
  std::vector<Token> Analyze(std::string_view text, std::string_view language,
                             Stemming stemming = Stemming::kByLanguage);

  // Analyze with stemming, and sets `unstemmed[i]` to token i's term as
  // Stemming::kNone gives it: both in one pass over the text (highlighting
  // matches either form).
  std::vector<Token> AnalyzeWithUnstemmed(std::string_view text, std::string_view language,
                                          std::vector<std::string>& unstemmed);

  // Folds one word (case and accents) without stemming, e.g. for prefixes.
  std::string FoldWord(std::string_view word);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_TEXT_ANALYZER_H_
