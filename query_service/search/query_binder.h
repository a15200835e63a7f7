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

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "query_service/index/index_data.h"
#include "query_service/search/bm25.h"
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

class QueryBinder {
 public:
  // One query word: its analyzed variants.
  using Word = std::vector<std::string>;
  // Text fields with their boosts, in the order scores are summed.
  using FieldBoosts = std::vector<std::pair<const TextFieldIndex*, float>>;

  QueryBinder(const IndexData& index, TextAnalyzer& analyzer, const QueryLimits& limits,
              const ScoringOptions& scoring)
      : index_(index), analyzer_(analyzer), limits_(limits), scoring_(scoring) {}

  // Analyzes the words of text queries in `language` (a BCP-47 tag): its
  // stemmer's form and the unstemmed form, not every language's. Empty (the
  // default): English and French forms and the unstemmed one, merged.
  void SetQueryLanguage(std::string language) { query_language_ = std::move(language); }

  // Analyzes `text` into words, or INVALID_ARGUMENT naming `path`.
  absl::StatusOr<std::vector<Word>> AnalyzeWords(const std::string& text, const std::string& path);
  // Text fields with boosts (title and body when none is requested), or
  // INVALID_ARGUMENT naming `path`.
  absl::StatusOr<FieldBoosts> TextFields(
      const std::vector<std::pair<std::string, float>>& requested, const std::string& path) const;
  // The sorted DocId lists (dead documents included) of `values` of keyword
  // `field`, one per value present; INVALID_ARGUMENT naming `path`.
  absl::StatusOr<std::vector<const std::vector<DocId>*>> KeywordLists(
      const std::string& field, const std::vector<std::string>& values, const std::string& path);

  // The variants of `word` present in `field`, with their idf.
  std::vector<WordCursor::Variant> Variants(const TextFieldIndex& field, const Word& word) const {
    return WordCursor::VariantsOf(index_, field, word, scoring_);
  }
  // One cursor per (field, word) present, fields first: the canonical order
  // in which match scores are summed; `word_of[c]` is cursor c's word.
  std::vector<WordCursor> MatchCursors(const FieldBoosts& fields, const std::vector<Word>& words,
                                       std::vector<size_t>& word_of) const;

  float Idf(uint64_t document_frequency) const;
  // A phrase word's idf: from the largest document frequency among its
  // variants (as Lucene's SynonymQuery takes docFreq), so that no pass over
  // the union of their postings is needed.
  float PhraseWordIdf(const std::vector<WordCursor::Variant>& variants) const;
  float TermScore(const TextFieldIndex& field, DocId doc, float frequency, float idf) const;
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
  const IndexData& index_;
  TextAnalyzer& analyzer_;
  const QueryLimits limits_;
  const ScoringOptions scoring_;
  std::string query_language_;
  absl::flat_hash_set<std::string> highlight_terms_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_BINDER_H_
