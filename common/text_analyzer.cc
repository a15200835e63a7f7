#include "common/text_analyzer.h"

#include <libstemmer.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"
#include "common/analysis_accents.h"
#include "common/analysis_languages.h"
#include "common/word_breaker.h"
#include "common/word_variants.h"

namespace docsearch {
namespace {

// A hyphen joining the parts of a compound ("co-operation"): ASCII hyphen-
// minus, U+2010 hyphen, U+2011 non-breaking hyphen.
bool IsCompoundHyphen(std::string_view between) {
  return between == "-" || between == "\u2010" || between == "\u2011";
}

bool HasLetter(std::string_view word) {
  for (unsigned char c : word) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) return true;
  }
  return false;
}

// A case-folded word with its hash, so that prefetching the term cache's
// slot and finding the word there hash it once.
struct HashedWord {
  std::string_view word;
  size_t hash;
};

// The term cache's hasher and equality: transparent, so a HashedWord is
// looked up by the hash it carries. Every other key is hashed as an
// absl::string_view, so a word hashes alike in every form.
struct CachedWordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const {
    return absl::Hash<absl::string_view>{}(absl::string_view(word.data(), word.size()));
  }
  size_t operator()(const HashedWord& word) const { return word.hash; }
};

struct CachedWordEq {
  using is_transparent = void;
  static std::string_view View(std::string_view word) { return word; }
  static std::string_view View(const HashedWord& word) { return word.word; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    return View(a) == View(b);
  }
};

using TermCache = absl::flat_hash_map<std::string, std::string, CachedWordHash, CachedWordEq>;

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

}  // namespace

// A Snowball stemmer and its caches of finished terms: case-folded word →
// stemmed term, and → the same term unstemmed (Stemming::kNone's).
struct Stemmer {
  StemmerPtr snowball;
  // Whether the word is unaccented before stemming (analysis_accents.h).
  bool unaccented_input = false;
  const char* algorithm = nullptr;
  TermCache terms;
  TermCache unstemmed_terms;
};

class TextAnalyzer::Impl {
 public:
  explicit Impl(const AnalysisOptions& options) : options_(options) {
    UErrorCode status = U_ZERO_ERROR;
    nfd_ = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) nfd_ = nullptr;
  }

  // With `unstemmed`, also each token's term as Stemming::kNone gives it.
  std::vector<Token> Analyze(std::string_view text, std::string_view language, Stemming stemming,
                             std::vector<std::string>* unstemmed = nullptr) {
    std::vector<Token> tokens;
    if (text.empty()) return tokens;
    // The language's stemmer holds the term caches even when not stemming.
    Stemmer* stemmer = StemmerFor(language);
    const bool stem = stemming == Stemming::kByLanguage && stemmer != nullptr;
    words_.Segment(text, word_spans_);
    const std::vector<WordSpan>& spans = word_spans_;
    // A word is a token, but for the closed forms of compounds.
    tokens.reserve(spans.size());
    // The term cache (about 2 MB) does not stay in the CPU's cache while
    // a document is indexed, so looking a word up is mostly a miss on its
    // slot: case-fold all the words first and prefetch their slots, so the
    // misses overlap instead of coming one after another.
    if (folded_words_.size() < spans.size()) folded_words_.resize(spans.size());
    if (folded_hashes_.size() < spans.size()) folded_hashes_.resize(spans.size());
    if (stemmer != nullptr) {
      auto& cache = stem ? stemmer->terms : stemmer->unstemmed_terms;
      for (size_t i = 0; i < spans.size(); ++i) {
        CaseFold(text.substr(spans[i].start, spans[i].end - spans[i].start), folded_words_[i]);
        folded_hashes_[i] = CachedWordHash{}(folded_words_[i]);
        cache.prefetch(HashedWord{folded_words_[i], folded_hashes_[i]});
      }
    } else {
      for (size_t i = 0; i < spans.size(); ++i) {
        CaseFold(text.substr(spans[i].start, spans[i].end - spans[i].start), folded_words_[i]);
      }
    }

    uint32_t position = 0;
    // Emits span `i`'s word; the same as emit_word on it, from its
    // case-folded form above.
    auto emit_span = [&](size_t i, uint32_t at) {
      std::string term = FinishFold(folded_words_[i], language, stemmer, stem, &folded_hashes_[i]);
      if (term.empty()) return false;
      const std::string_view word = text.substr(spans[i].start, spans[i].end - spans[i].start);
      if (unstemmed != nullptr)
        unstemmed->push_back(stem ? Fold(word, language, stemmer, false) : term);
      tokens.push_back(Token{std::move(term), at, spans[i].start, spans[i].end});
      return true;
    };
    auto emit_word = [&](std::string_view word, uint32_t from, uint32_t to, uint32_t at) {
      std::string term = Fold(word, language, stemmer, stem);
      if (term.empty()) return false;
      if (unstemmed != nullptr)
        unstemmed->push_back(stem ? Fold(word, language, stemmer, false) : term);
      tokens.push_back(Token{std::move(term), at, from, to});
      return true;
    };
    for (size_t i = 0; i < spans.size();) {
      // A hyphenated compound: words joined by single hyphens, each with a
      // letter ("co-operation", "NATO-Russia"; not "10-15").
      size_t last = i;
      while (
          last + 1 < spans.size() &&
          IsCompoundHyphen(text.substr(spans[last].end, spans[last + 1].start - spans[last].end)) &&
          HasLetter(text.substr(spans[last].start, spans[last].end - spans[last].start)) &&
          HasLetter(
              text.substr(spans[last + 1].start, spans[last + 1].end - spans[last + 1].start))) {
        ++last;
      }
      if (last == i) {
        if (emit_span(i, position)) ++position;
        ++i;
        continue;
      }
      // The closed form ("cooperation") is a term at the first part's
      // position, spanning the whole compound, so "cooperation" finds
      // "co-operation" and the reverse. After a bound prefix ("co", "non")
      // it is the only term; otherwise the parts follow as words of their
      // own, so "Russia" still finds "NATO-Russia".
      std::string closed;
      for (size_t part = i; part <= last; ++part) {
        closed.append(text.substr(spans[part].start, spans[part].end - spans[part].start));
      }
      const uint32_t from = spans[i].start, to = spans[last].end;
      const std::string first_part = Fold(
          text.substr(spans[i].start, spans[i].end - spans[i].start), language, stemmer, false);
      const bool prefixed = IsBoundPrefix(first_part);
      const uint32_t compound_position = position;
      bool emitted = emit_word(closed, from, to, compound_position);
      if (prefixed) {
        if (emitted) ++position;
      } else {
        emitted = false;
        for (size_t part = i; part <= last; ++part) {
          if (emit_span(part, position)) {
            ++position;
            emitted = true;
          }
        }
        // Keep the closed form at the first part's position (it was emitted
        // first, so it precedes the parts; positions stay consecutive).
        if (!emitted && !tokens.empty() && tokens.back().position == compound_position) ++position;
      }
      i = last + 1;
    }
    // A rare passage of many words would otherwise keep its strings for
    // the analyzer's lifetime.
    if (folded_words_.size() > kMaxReusedWords) {
      folded_words_.resize(kMaxReusedWords);
      folded_words_.shrink_to_fit();
      folded_hashes_.resize(kMaxReusedWords);
      folded_hashes_.shrink_to_fit();
    }
    return tokens;
  }

  // Case folding, elision, spelling variants, stemming (when `stem`) and
  // accent folding of one word; "" when nothing is left. `stemmer` (may be
  // null: the language has no Snowball algorithm) also holds the caches.
  std::string Fold(std::string_view word, std::string_view language, Stemmer* stemmer,
                   bool stem = true) {
    std::string folded;
    CaseFold(word, folded);
    return FinishFold(folded, language, stemmer, stem);
  }

  // Sets `folded` to `word` case-folded (reusing its capacity).
  static void CaseFold(std::string_view word, std::string& folded) {
    // Full case folding of ASCII is lowercasing; skipping ICU's UTF-16
    // round trip here roughly halves the analysis time of English text.
    // One pass lowercases and notes any byte outside ASCII (a reused
    // string's resize within its capacity does not allocate).
    folded.resize(word.size());
    char* out = folded.data();
    unsigned char all_bits = 0;
    for (size_t i = 0; i < word.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(word[i]);
      all_bits |= c;
      out[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (all_bits >= 0x80) {
      folded.clear();
      icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
          icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
      unicode.foldCase();
      unicode.toUTF8String(folded);
    }
  }

  // The steps of Fold after case folding, on the case-folded `folded`
  // (whose CachedWordHash is `*hash` when given).
  std::string FinishFold(const std::string& folded, std::string_view language, Stemmer* stemmer,
                         bool stem, const size_t* hash = nullptr) {
    // Words follow Zipf's law, so most tokens were seen before: the finished
    // term is cached per stemmer, keyed by the case-folded word (Snowball
    // was a quarter of indexing time, and the variant tables below a tenth
    // of snippet time before they were behind the cache too). Every step
    // after case folding depends only on the word and the primary language,
    // and languages sharing a stemmer share those steps, so the key is
    // enough.
    TermCache* cache = nullptr;
    if (stemmer != nullptr) {
      cache = stem ? &stemmer->terms : &stemmer->unstemmed_terms;
      const auto it =
          hash != nullptr ? cache->find(HashedWord{folded, *hash}) : cache->find(folded);
      if (it != cache->end()) return it->second;
      if (cache->size() >= kMaxCachedTerms) cache->clear();
    }
    std::string term(StripElision(folded, language));
    term = BritishSpelling(term, language);
    if (stemmer != nullptr && stem) {
      // The stemmer's rules read accents ("-ité"), so folding only its
      // output leaves "securite" and "sécurité" apart. Where accents are
      // often left out, stem the unaccented word, with the accent put back
      // on the suffixes whose rules need it: the term then depends only on
      // the unaccented word.
      if (stemmer->unaccented_input) {
        term = StemmerInputOfUnaccented(RemoveAccents(term), stemmer->algorithm);
      }
      const sb_symbol* stemmed =
          sb_stemmer_stem(stemmer->snowball.get(), reinterpret_cast<const sb_symbol*>(term.data()),
                          static_cast<int>(term.size()));
      if (stemmed != nullptr) {
        term.assign(reinterpret_cast<const char*>(stemmed),
                    sb_stemmer_length(stemmer->snowball.get()));
      }
      term = std::string(CountryOfDemonym(term, language));
    }
    term = RemoveAccents(term);
    if (cache != nullptr) cache->emplace(folded, term);
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

  // The stemmer of `language`'s Snowball algorithm, made on first use (a
  // process sees a handful of languages); nullptr when there is none.
  Stemmer* StemmerFor(std::string_view language) {
    const char* algorithm = SnowballAlgorithmOf(language);
    if (algorithm == nullptr) return nullptr;
    auto it = stemmers_.find(algorithm);
    if (it == stemmers_.end()) {
      auto stemmer = std::make_unique<Stemmer>();
      stemmer->snowball.reset(sb_stemmer_new(algorithm, "UTF_8"));
      if (stemmer->snowball == nullptr) return nullptr;
      stemmer->algorithm = algorithm;
      stemmer->unaccented_input = options_.accent_insensitive_stems && StemsUnaccented(algorithm);
      it = stemmers_.emplace(algorithm, std::move(stemmer)).first;
    }
    return it->second.get();
  }

  const AnalysisOptions options_;
  WordBreaker words_;
  std::vector<WordSpan> word_spans_;       // Reused by each Analyze.
  std::vector<std::string> folded_words_;  // Each span's case-folded word, reused too.
  std::vector<size_t> folded_hashes_;      // And its CachedWordHash.
  const icu::Normalizer2* nfd_ = nullptr;  // Owned by ICU.
  // By algorithm name. Each keeps its folded word → term cache, cleared when
  // full so memory stays bounded (20k entries, ~2 MB per map) however
  // varied the text. Not counted in the index's memory_bytes: a process has
  // a handful of analyzers (a writer's two and search_index.h's pool).
  static constexpr size_t kMaxCachedTerms = 20000;
  static constexpr size_t kMaxReusedWords = 4096;
  absl::flat_hash_map<std::string, std::unique_ptr<Stemmer>> stemmers_;
};

TextAnalyzer::TextAnalyzer() : TextAnalyzer(AnalysisOptions{}) {}
TextAnalyzer::TextAnalyzer(const AnalysisOptions& options)
    : impl_(std::make_unique<Impl>(options)) {}
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

std::string TextAnalyzer::FoldWord(std::string_view word) { return impl_->Fold(word, "", nullptr); }

}  // namespace docsearch
