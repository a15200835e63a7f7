#include "common/text_analyzer.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <string>

#include "absl/container/flat_hash_map.h"

namespace docsearch {
namespace {

// Snowball stemmer for a BCP-47 language, or nullptr when we do not stem it.
const char* SnowballAlgorithm(std::string_view language) {
  std::string_view primary = language.substr(0, language.find_first_of("-_"));
  if (primary == "en") return "english";
  if (primary == "fr") return "french";
  return nullptr;
}

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

}  // namespace

class TextAnalyzer::Impl {
 public:
  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) words_.reset();
    nfd_ = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) nfd_ = nullptr;
    english_.reset(sb_stemmer_new("english", "UTF_8"));
    french_.reset(sb_stemmer_new("french", "UTF_8"));
  }

  // With `unstemmed`, also each token's term as Stemming::kNone gives it.
  std::vector<Token> Analyze(std::string_view text, std::string_view language, Stemming stemming,
                             std::vector<std::string>* unstemmed = nullptr) {
    std::vector<Token> tokens;
    if (words_ == nullptr || text.empty()) return tokens;
    sb_stemmer* stemmer = nullptr;
    if (stemming == Stemming::kByLanguage) {
      const char* algorithm = SnowballAlgorithm(language);
      if (algorithm != nullptr) {
        stemmer = std::string_view(algorithm) == "english" ? english_.get() : french_.get();
      }
    }
    // UText over the UTF-8 bytes lets the break iterator report byte offsets
    // directly, which highlighting needs.
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return tokens;
    words_->setText(utext, status);
    if (U_FAILURE(status)) {
      utext_close(utext);
      return tokens;
    }
    uint32_t position = 0;
    int32_t start = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
         start = end, end = words_->next()) {
      // Rule status below UBRK_WORD_NONE_LIMIT marks spaces and punctuation.
      if (words_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
      const std::string_view word = text.substr(start, end - start);
      std::string term = Fold(word, stemmer);
      if (term.empty()) continue;
      if (unstemmed != nullptr)
        unstemmed->push_back(stemmer == nullptr ? term : Fold(word, nullptr));
      tokens.push_back(Token{std::move(term), position++, static_cast<uint32_t>(start),
                             static_cast<uint32_t>(end)});
    }
    // Detach before closing so the iterator holds no dangling text.
    words_->setText(icu::UnicodeString());
    utext_close(utext);
    return tokens;
  }

  std::string Fold(std::string_view word, sb_stemmer* stemmer) {
    std::string folded;
    bool ascii = true;
    for (unsigned char c : word) ascii = ascii && c < 0x80;
    if (ascii) {
      // Full case folding of ASCII is lowercasing; skipping ICU's UTF-16
      // round trip here roughly halves the analysis time of English text.
      folded.assign(word.data(), word.size());
      for (char& c : folded) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    } else {
      icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
          icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
      unicode.foldCase();
      unicode.toUTF8String(folded);
    }
    if (stemmer == nullptr) return RemoveAccents(folded);
    // Words follow Zipf's law, so most tokens were seen before: the finished
    // term is cached per stemmer (Snowball was a quarter of indexing time).
    auto& cache = stemmer == english_.get() ? english_terms_ : french_terms_;
    if (auto it = cache.find(folded); it != cache.end()) return it->second;
    if (cache.size() >= kMaxCachedTerms) cache.clear();
    // Stem before removing accents: the French stemmer's rules expect them.
    std::string term = folded;
    const sb_symbol* stemmed =
        sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded.data()),
                        static_cast<int>(folded.size()));
    if (stemmed != nullptr) {
      term.assign(reinterpret_cast<const char*>(stemmed), sb_stemmer_length(stemmer));
    }
    term = RemoveAccents(term);
    cache.emplace(std::move(folded), term);
    return term;
  }

 private:
  std::string RemoveAccents(const std::string& word) {
    bool ascii = true;
    for (unsigned char c : word) ascii = ascii && c < 0x80;
    if (ascii || nfd_ == nullptr) return word;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed = nfd_->normalize(icu::UnicodeString::fromUTF8(word), status);
    if (U_FAILURE(status)) return word;
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < decomposed.length();) {
      UChar32 c = decomposed.char32At(i);
      if (u_charType(c) != U_NON_SPACING_MARK) stripped.append(c);
      i += U16_LENGTH(c);
    }
    std::string out;
    stripped.toUTF8String(out);
    return out;
  }

  std::unique_ptr<icu::BreakIterator> words_;
  const icu::Normalizer2* nfd_ = nullptr;  // Owned by ICU.
  StemmerPtr english_;
  StemmerPtr french_;
  // Folded word → term, per stemmer; cleared when full so memory stays
  // bounded (20k entries, ~2 MB per map) however varied the text. Not
  // counted in the index's memory_bytes: a process has a handful of
  // analyzers (a writer's two and search_index.h's pool).
  static constexpr size_t kMaxCachedTerms = 20000;
  absl::flat_hash_map<std::string, std::string> english_terms_;
  absl::flat_hash_map<std::string, std::string> french_terms_;
};

TextAnalyzer::TextAnalyzer() : impl_(std::make_unique<Impl>()) {}
TextAnalyzer::~TextAnalyzer() = default;

std::vector<Token> TextAnalyzer::Analyze(std::string_view text, std::string_view language,
                                         Stemming stemming) {
  return impl_->Analyze(text, language, stemming);
}

std::vector<Token> TextAnalyzer::AnalyzeWithUnstemmed(std::string_view text,
                                                      std::string_view language,
                                                      std::vector<std::string>& unstemmed) {
  unstemmed.clear();
  return impl_->Analyze(text, language, Stemming::kByLanguage, &unstemmed);
}

std::string TextAnalyzer::FoldWord(std::string_view word) { return impl_->Fold(word, nullptr); }

}  // namespace docsearch
