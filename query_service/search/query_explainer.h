// A document's score for a query, and how it is computed (Lucene's
// Explanation). The match and phrase nodes are scored and explained by the
// scorers evaluation reads (scorer.h: a conjunction, disjunction or phrase
// scorer over the same cursors, bound by the same QueryBinder), moved to
// the document: the explanation is their own breakdown of the score they
// computed, so the root's value is the hit's score. The bool node adds its
// clauses as evaluation does; the unranked leaves score a constant 1.
//
// The score alone (ScoreOf, what a page cursor needs) builds no
// explanation.
//
// Thread safety: one search's, like the evaluator and binder it uses.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_EXPLAINER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_EXPLAINER_H_

#include <optional>
#include <string>

#include "docsearch/v1/query.pb.h"
#include "docsearch/v1/query_service.pb.h"
#include "query_service/search/query_binder.h"

namespace docsearch::query {

class QueryEvaluator;

class QueryExplainer {
 public:
  // `evaluator` evaluates the nodes that score a constant; `binder` is the
  // evaluator's.
  QueryExplainer(QueryEvaluator& evaluator, QueryBinder& binder)
      : evaluator_(evaluator), binder_(binder) {}

  // How `doc`'s score for `query` is computed.
  docsearch::v1::Explanation Explain(const docsearch::v1::Query& query, DocId doc);
  // The score evaluation gives `doc`, or nullopt when it does not match.
  std::optional<float> ScoreOf(const docsearch::v1::Query& query, DocId doc);

 private:
  // Per node: `doc`'s score, nullopt when it does not match; when
  // `explanation` is set, how the score is computed (or why there is none).
  std::optional<float> ScoreNode(const docsearch::v1::Query& query, DocId doc,
                                 docsearch::v1::Explanation* explanation);
  std::optional<float> ScoreMatch(const docsearch::v1::MatchQuery& match, DocId doc,
                                  docsearch::v1::Explanation* explanation);
  std::optional<float> ScorePhrase(const docsearch::v1::PhraseQuery& phrase, DocId doc,
                                   docsearch::v1::Explanation* explanation);
  std::optional<float> ScoreBool(const docsearch::v1::BoolQuery& query, DocId doc,
                                 docsearch::v1::Explanation* explanation);
  std::optional<float> ScoreConstant(const docsearch::v1::Query& query, DocId doc,
                                     docsearch::v1::Explanation* explanation);

  QueryEvaluator& evaluator_;
  QueryBinder& binder_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_EXPLAINER_H_
