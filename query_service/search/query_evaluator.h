// Evaluates a typed Query tree against the index into scored documents.
//
// Each node yields the matching live documents in ascending DocId order with
// a score: BM25 for match and phrase (per text field, field boosts summed),
// a constant 1 for term, terms, prefix, range and match_all, and sums for
// bool must/should clauses (filter and must_not do not score).
//
// Query words are analyzed once per language the analyzer stems (English,
// French) and once unstemmed; a document matches a word when it holds any of
// these variants. This lets one query find English and French documents,
// each indexed with its own stemmer.
//
// Errors are INVALID_ARGUMENT with the path of the offending node, e.g.
// "query.boolean.filter[0].term.field: unknown field 'colour' (known: ...)".
//
// Explanations (Explain, ScoreOf) are defined in query_evaluator_explain.cc.
//
// Thread safety: an evaluator is used by one thread, over an IndexData that
// no one writes meanwhile.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_EVALUATOR_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_EVALUATOR_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/query.pb.h"
#include "docsearch/v1/query_service.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/search/bm25.h"
#include "query_service/search/doc_filter.h"
#include "query_service/search/scored_doc.h"
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

class QueryEvaluator {
 public:
  QueryEvaluator(const IndexData& index, TextAnalyzer& analyzer, const QueryLimits& limits,
                 const ScoringOptions& scoring)
      : index_(index), analyzer_(analyzer), limits_(limits), scoring_(scoring) {}

  // Evaluates `query`; `path` names it in error messages (e.g. "query").
  absl::StatusOr<DocList> Evaluate(const docsearch::v1::Query& query, const std::string& path);

  // The top `k` matches of `query` by score (`before`) among those
  // `eligible`, with MaxScore pruning (max_score.h) or block-max
  // conjunctions (conjunction_top_k.h), when `query` is an OR or AND match
  // query, alone or as the only must clause of
  // a bool whose other clauses are filter and must_not, or a phrase query in
  // one field (phrase_top_k.h); nullopt for every other query, which the caller evaluates in full
  // with Evaluate.
  absl::StatusOr<std::optional<TopK>> TopMatches(
      const docsearch::v1::Query& query, const std::string& path, size_t k,
      const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
      const std::function<bool(const ScoredDoc&)>& eligible);

  // How `doc`'s score for `query` is computed. The root's value equals the
  // score Evaluate gives `doc` (computed the same way, in the same order).
  // Call after Evaluate or TopMatches succeeded on the same query.
  docsearch::v1::Explanation Explain(const docsearch::v1::Query& query, DocId doc);

  // The score Evaluate gives `doc`, or nullopt when it does not match.
  std::optional<float> ScoreOf(const docsearch::v1::Query& query, DocId doc);

  // Analyzes the words of text queries in `language` (a BCP-47 tag): its
  // stemmer's form and the unstemmed form, not every language's. Empty (the
  // default): English and French forms and the unstemmed one, merged.
  void SetQueryLanguage(std::string language) { query_language_ = std::move(language); }

  // Every analyzed term variant of the text queries seen, for highlighting.
  const absl::flat_hash_set<std::string>& highlight_terms() const { return highlight_terms_; }

 private:
  // One query word: its analyzed variants.
  using Word = std::vector<std::string>;

  absl::StatusOr<DocList> Eval(const docsearch::v1::Query& query, const std::string& path,
                               int depth);
  absl::StatusOr<DocList> EvalMatch(const docsearch::v1::MatchQuery& match,
                                    const std::string& path);
  absl::StatusOr<DocList> EvalPhrase(const docsearch::v1::PhraseQuery& phrase,
                                     const std::string& path);
  absl::StatusOr<DocList> EvalTerms(const std::string& field,
                                    const std::vector<std::string>& values,
                                    const std::string& path);
  // The sorted DocId lists (dead documents included) of `values` of keyword
  // `field`, one per value present; INVALID_ARGUMENT as EvalTerms.
  absl::StatusOr<std::vector<const std::vector<DocId>*>> KeywordLists(
      const std::string& field, const std::vector<std::string>& values, const std::string& path);
  absl::StatusOr<DocList> EvalPrefix(const docsearch::v1::PrefixQuery& prefix,
                                     const std::string& path);
  absl::StatusOr<DocList> EvalRange(const docsearch::v1::RangeQuery& range,
                                    const std::string& path);
  // Adds `range` to `filter`; INVALID_ARGUMENT as EvalRange.
  absl::Status AddRange(const docsearch::v1::RangeQuery& range, const std::string& path,
                        DocFilter& filter);
  // The filter and must_not clauses of `boolean` (at `path`) as a DocFilter,
  // checked in EvalBool's order so that errors name the same clause.
  absl::StatusOr<DocFilter> FilterOf(const docsearch::v1::BoolQuery& boolean,
                                     const std::string& path);
  absl::StatusOr<DocList> EvalBool(const docsearch::v1::BoolQuery& query, const std::string& path,
                                   int depth);
  DocList AllLive() const;
  // TopMatches of a phrase in one field (phrase_top_k.h); nullopt when it
  // names several fields.
  absl::StatusOr<std::optional<TopK>> TopPhrase(
      const docsearch::v1::PhraseQuery& phrase, const std::string& path, size_t k,
      const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
      const std::function<bool(const ScoredDoc&)>& eligible);

  // Analyzes `text` into words, or INVALID_ARGUMENT naming `path`.
  absl::StatusOr<std::vector<Word>> AnalyzeWords(const std::string& text, const std::string& path);
  // Text fields with boosts, or INVALID_ARGUMENT.
  absl::StatusOr<std::vector<std::pair<const TextFieldIndex*, float>>> TextFields(
      const std::vector<std::pair<std::string, float>>& requested, const std::string& path) const;
  // One cursor per (field, word) present, fields first: the canonical order
  // in which match scores are summed; `word_of[c]` is cursor c's word.
  std::vector<WordCursor> MatchCursors(
      const std::vector<std::pair<const TextFieldIndex*, float>>& fields,
      const std::vector<Word>& words, std::vector<size_t>& word_of) const;
  float Idf(uint64_t document_frequency) const;
  // A phrase word's idf: from the largest document frequency among its
  // variants (as Lucene's SynonymQuery takes docFreq), so that no pass over
  // the union of their postings is needed.
  float PhraseWordIdf(const std::vector<WordCursor::Variant>& variants) const;
  float TermScore(const TextFieldIndex& field, DocId doc, float frequency, float idf) const;

  // Explain's per-node helpers; `matched` is set to whether `doc` matches.
  docsearch::v1::Explanation ExplainNode(const docsearch::v1::Query& query, DocId doc,
                                         bool& matched);
  docsearch::v1::Explanation ExplainMatch(const docsearch::v1::MatchQuery& match, DocId doc,
                                          bool& matched);
  docsearch::v1::Explanation ExplainPhrase(const docsearch::v1::PhraseQuery& phrase, DocId doc,
                                           bool& matched);
  docsearch::v1::Explanation ExplainBool(const docsearch::v1::BoolQuery& query, DocId doc,
                                         bool& matched);
  // The BM25 breakdown of one term (or phrase) in one field of `doc`.
  docsearch::v1::Explanation ExplainTerm(const std::string& what, const TextFieldIndex& field,
                                         float boost, DocId doc, float frequency,
                                         uint64_t document_frequency, float idf, float score);
  std::string FieldName(const TextFieldIndex* field) const;

  const IndexData& index_;
  TextAnalyzer& analyzer_;
  const QueryLimits limits_;
  const ScoringOptions scoring_;
  int clauses_ = 0;
  std::string query_language_;
  absl::flat_hash_set<std::string> highlight_terms_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_EVALUATOR_H_
