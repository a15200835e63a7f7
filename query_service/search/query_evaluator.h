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
// Match and phrase queries are bound by QueryBinder (query_binder.h) and
// read through its scorers (scorer.h); the same scorers run the top-k
// algorithms (TopKSearch, top_k_search.h) and explain and score single
// documents (Explain, ScoreOf: QueryExplainer, query_explainer.h). The
// unranked leaves (term, terms, prefix, range, match_all) are
// ConstantScoreQueries' (constant_score_queries.h).
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
#include "query_service/search/constant_score_queries.h"
#include "query_service/search/doc_filter.h"
#include "query_service/search/query_binder.h"
#include "query_service/search/scored_doc.h"
#include "query_service/search/word_cursor.h"

namespace docsearch::query {

struct QueryPlan;

class QueryEvaluator {
 public:
  QueryEvaluator(const IndexData& index, TextAnalyzer& analyzer, const QueryLimits& limits,
                 const ScoringOptions& scoring)
      : limits_(limits),
        binder_(index, analyzer, limits, scoring),
        constant_score_(index, analyzer, limits_, binder_) {}
  // constant_score_ refers to binder_ and limits_.
  QueryEvaluator(const QueryEvaluator&) = delete;
  QueryEvaluator& operator=(const QueryEvaluator&) = delete;

  // Evaluates `query`; `path` names it in error messages (e.g. "query").
  absl::StatusOr<DocList> Evaluate(const docsearch::v1::Query& query, const std::string& path);

  // The top `k` matches by score (`before`) among those `eligible`, by the
  // algorithm `plan` chose (query_planner.h); nullopt when the plan is
  // exhaustive, or when analysis shows the top-k algorithm cannot run (see
  // query_planner.h), and the caller evaluates in full with Evaluate.
  absl::StatusOr<std::optional<TopK>> TopMatches(
      const QueryPlan& plan, size_t k,
      const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
      const std::function<bool(const ScoredDoc&)>& eligible);

  // The filter and must_not clauses of `boolean` (at `path`), the bool of a
  // plan whose one must clause a top-k algorithm scores, as a test of each
  // candidate (doc_filter.h); errors as Evaluate gives them.
  absl::StatusOr<DocFilter> CandidateFilter(const docsearch::v1::BoolQuery& boolean,
                                            const std::string& path);

  // How `doc`'s score for `query` is computed. The root's value equals the
  // score Evaluate gives `doc` (computed the same way, in the same order).
  // Call after Evaluate or TopMatches succeeded on the same query.
  docsearch::v1::Explanation Explain(const docsearch::v1::Query& query, DocId doc);

  // The score Evaluate gives `doc`, or nullopt when it does not match.
  std::optional<float> ScoreOf(const docsearch::v1::Query& query, DocId doc);

  // Analyzes the words of text queries in `language` (QueryBinder).
  void SetQueryLanguage(std::string language) { binder_.SetQueryLanguage(std::move(language)); }

  // Every analyzed term variant of the text queries seen, for highlighting.
  const absl::flat_hash_set<std::string>& highlight_terms() const {
    return binder_.highlight_terms();
  }

 private:
  using Word = QueryBinder::Word;

  absl::StatusOr<DocList> Eval(const docsearch::v1::Query& query, const std::string& path,
                               int depth);
  absl::StatusOr<DocList> EvalMatch(const docsearch::v1::MatchQuery& match,
                                    const std::string& path);
  absl::StatusOr<DocList> EvalPhrase(const docsearch::v1::PhraseQuery& phrase,
                                     const std::string& path);
  // The filter and must_not clauses of `boolean` (at `path`) as a DocFilter,
  // checked in EvalBool's order so that errors name the same clause.
  absl::StatusOr<DocFilter> FilterOf(const docsearch::v1::BoolQuery& boolean,
                                     const std::string& path);
  absl::StatusOr<DocList> EvalBool(const docsearch::v1::BoolQuery& query, const std::string& path,
                                   int depth);

  const QueryLimits limits_;
  int clauses_ = 0;
  QueryBinder binder_;
  ConstantScoreQueries constant_score_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_EVALUATOR_H_
