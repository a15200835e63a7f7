// What every pass over a query (evaluation, top-k, explanation) needs from
// the index, the analyzer and the collection statistics, in one place:
// text analysed into words (each word its English, French and unstemmed
// variants), field names resolved to text fields with their boosts, keyword
// values to their document lists, words to scoring cursors, and BM25's idf
// and term scores (bm25.h, collection_statistics.h).
//
// Errors are INVALID_ARGUMENT naming the path of the offending node. It
// also collects the analysed terms of the text queries it binds, which
// snippets highlight.
//
// Thread safety: one search's; over an IndexData no one writes meanwhile.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_BINDER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_BINDER_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/query.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/search/bm25.h"
#include "query_service/search/conjunction_scorer.h"
#include "query_service/search/disjunction_scorer.h"
#include "query_service/search/document_language_weight.h"
#include "query_service/search/fielded_word_cursor.h"
#include "query_service/search/phrase_scorer.h"
#include "query_service/search/word_cursor.h"

namespace docsearch::query {

struct QueryLimits {
  // Deepest nesting of bool queries.
  int max_depth = 16;
  // Most clauses over the whole tree.
  int max_clauses = 1024;
  // Most words in one match or phrase query.
  int max_terms = 64;
  // Most index terms a prefix may expand to.
  int max_expansions = 1024;
};

// PhraseQuery.boost, where 0 means 1.
inline float PhraseBoost(const docsearch::v1::PhraseQuery& phrase) {
  return phrase.boost() == 0 ? 1.0f : phrase.boost();
}

class QueryBinder {
 public:
  // One query word: its analyzed variants.
  using Word = std::vector<std::string>;
  // Text fields with their boosts, in the order scores are summed.
  using FieldBoosts = std::vector<std::pair<const TextFieldIndex*, float>>;

  // A match query, validated and analysed.
  struct BoundMatch {
    std::vector<Word> words;
    FieldBoosts fields;
    // How many words a document must hold: all of them (AND), else
    // minimum_should_match, at least 1.
    int required;
  };
  // A phrase query, validated and analysed; the fields' boosts include the
  // phrase's.
  struct BoundPhrase {
    std::vector<Word> words;
    FieldBoosts fields;
    int slop;
  };

  QueryBinder(const IndexData& index, TextAnalyzer& analyzer, const QueryLimits& limits,
              const ScoringOptions& scoring)
      : index_(index), analyzer_(analyzer), limits_(limits), scoring_(scoring) {}

  // Analyzes the words of text queries in `language` (a BCP-47 tag): its
  // stemmer's form and the unstemmed form, not every language's. Empty (the
  // default): English and French forms and the unstemmed one, merged.
  // Match words in documents of another language weigh
  // ScoringOptions::other_language_weight (document_language_weight.h).
  void SetQueryLanguage(std::string language) {
    query_language_ = std::move(language);
    language_weight_ =
        DocumentLanguageWeight::For(index_, query_language_, scoring_.other_language_weight);
    scoring_.language_weight = language_weight_.get();
  }

  // Analyzes `text` into words, or INVALID_ARGUMENT naming `path`.
  // `language`, when not empty, replaces the query's language.
  absl::StatusOr<std::vector<Word>> AnalyzeWords(const std::string& text, const std::string& path,
                                                 const std::string& language = "");
  // Text fields with boosts (title and body when none is requested), or
  // INVALID_ARGUMENT naming `path`.
  absl::StatusOr<FieldBoosts> TextFields(
      const std::vector<std::pair<std::string, float>>& requested, const std::string& path) const;
  // The sorted DocId lists (dead documents included) of `values` of keyword
  // `field`, one per value present; INVALID_ARGUMENT naming `path`.
  absl::StatusOr<std::vector<const std::vector<DocId>*>> KeywordLists(
      const std::string& field, const std::vector<std::string>& values, const std::string& path);

  // `match` (at `path`, e.g. "query.match") bound, or INVALID_ARGUMENT
  // naming the part at fault.
  absl::StatusOr<BoundMatch> BindMatch(const docsearch::v1::MatchQuery& match,
                                       const std::string& path);
  // `phrase` (at `path`, e.g. "query.phrase") bound, or INVALID_ARGUMENT.
  absl::StatusOr<BoundPhrase> BindPhrase(const docsearch::v1::PhraseQuery& phrase,
                                         const std::string& path);

  // Calls `use` with the scorer of `match` (scorer.h): a ConjunctionScorer
  // when it needs every word, else a DisjunctionScorer; nothing when it has
  // no words. Both sum the same cursors in the canonical order. The scorer
  // starts at the first match >= `first`.
  // With ScoringOptions.bm25f the cursors are FieldedWordCursors (one per
  // word over every field), else WordCursors (one per field and word).
  template <typename Use>
  void WithMatchScorer(const BoundMatch& match, Use&& use, DocId first = 0) const {
    if (match.words.empty()) return;
    // The cursors are made before word_of is handed on: MatchCursors fills it.
    std::vector<size_t> word_of;
    if (scoring_.bm25f) {
      std::vector<FieldedWordCursor> cursors =
          FieldedMatchCursors(match.fields, match.words, word_of);
      WithScorerOver(match, std::move(cursors), std::move(word_of), use, first);
    } else {
      std::vector<WordCursor> cursors = MatchCursors(match.fields, match.words, word_of);
      WithScorerOver(match, std::move(cursors), std::move(word_of), use, first);
    }
  }
  // The scorer of `phrase` (which has words) in `field` with `boost`;
  // `text` names it in explanations. It starts at the first match >= `first`.
  PhraseScorer PhraseScorerOf(const BoundPhrase& phrase, const TextFieldIndex& field, float boost,
                              const std::string& text, DocId first = 0) const;

  // The variants of `word` present in `field`, with their idf.
  std::vector<WordCursor::Variant> Variants(const TextFieldIndex& field, const Word& word) const {
    return WordCursor::VariantsOf(index_, field, word, scoring_);
  }
  // One cursor per (field, word) present, fields first: the canonical order
  // in which match scores are summed; `word_of[c]` is cursor c's word.
  // What each match word counts: ScoringOptions::function_word_weight for
  // a function word of the query's language (function_words.h), else 1;
  // 1 for all when every word is one.
  std::vector<float> WordWeights(const std::vector<Word>& words) const;
  std::vector<WordCursor> MatchCursors(const FieldBoosts& fields, const std::vector<Word>& words,
                                       std::vector<size_t>& word_of) const;
  // One BM25F cursor per word present in any of `fields`, in word order;
  // `word_of[c]` is cursor c's word.
  std::vector<FieldedWordCursor> FieldedMatchCursors(const FieldBoosts& fields,
                                                     const std::vector<Word>& words,
                                                     std::vector<size_t>& word_of) const;

  float Idf(uint64_t document_frequency) const;
  // A phrase word's idf: from the largest document frequency among its
  // variants (as Lucene's SynonymQuery takes docFreq), so that no pass over
  // the union of their postings is needed.
  float PhraseWordIdf(const std::vector<WordCursor::Variant>& variants) const;
  std::string FieldName(const TextFieldIndex* field) const;

  // Adds `term` (a prefix query's expansion) to the highlighted terms.
  void AddHighlightTerm(const std::string& term) { highlight_terms_.insert(term); }
  // Every analyzed term variant of the text queries bound, for highlighting.
  const absl::flat_hash_set<std::string>& highlight_terms() const { return highlight_terms_; }

  const IndexData& index() const { return index_; }
  TextAnalyzer& analyzer() { return analyzer_; }
  const QueryLimits& limits() const { return limits_; }
  const ScoringOptions& scoring() const { return scoring_; }

 private:
  template <typename Cursor, typename Use>
  static void WithScorerOver(const BoundMatch& match, std::vector<Cursor> cursors,
                             std::vector<size_t> word_of, Use& use, DocId first) {
    if (match.required == static_cast<int>(match.words.size())) {
      ConjunctionScorer<Cursor> scorer(std::move(cursors), std::move(word_of), match.words.size(),
                                       first);
      use(scorer);
    } else {
      DisjunctionScorer<Cursor> scorer(std::move(cursors), std::move(word_of), match.required,
                                       first);
      use(scorer);
    }
  }

  const IndexData& index_;
  TextAnalyzer& analyzer_;
  const QueryLimits limits_;
  // Not const: SetQueryLanguage points it at language_weight_, which lives
  // on the heap so that the cursors' pointers to scoring_ and to it hold
  // for the binder's life.
  ScoringOptions scoring_;
  std::string query_language_;
  std::unique_ptr<DocumentLanguageWeight> language_weight_;
  absl::flat_hash_set<std::string> highlight_terms_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_BINDER_H_
