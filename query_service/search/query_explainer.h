// How a document's score for a query is computed, as Lucene's Explanation:
// each node recomputes its score the way evaluation does, in the same
// order, so that the root's value equals the hit's score.
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
  using Word = QueryBinder::Word;

  // Per node; `matched` is set to whether `doc` matches.
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

  QueryEvaluator& evaluator_;
  QueryBinder& binder_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_QUERY_EXPLAINER_H_
