// The BM25 breakdown of one term (or phrase) in one field of one document,
// as an explanation node (scorer.h): boost × idf × tf with the inputs of
// each. The scorers build it from the values they scored with, so its value
// is their score.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_BM25_EXPLANATION_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_BM25_EXPLANATION_H_

#include <cstdint>
#include <string>

#include "docsearch/v1/query_service.pb.h"
#include "query_service/search/bm25.h"

namespace docsearch::query {

struct Bm25Inputs {
  float boost;
  float idf;
  // n, the live documents holding the term; 0 for a phrase, whose idf is
  // the sum of its words'.
  uint64_t document_frequency;
  uint64_t documents;  // N
  double average_length;
  double length;
  float frequency;
};

// `what` names the term ("body:missil"); `score` is the value scored.
docsearch::v1::Explanation Bm25Explanation(const std::string& what, const ScoringOptions& scoring,
                                           const Bm25Inputs& inputs, float score);

// `node`, a match word's score before its document's language weight
// (document_language_weight.h), as weighted: itself when `weight` is 1, else
// a node of value `score` (the weighted score, as scored) over it and the
// weight.
docsearch::v1::Explanation LanguageWeighted(docsearch::v1::Explanation node, float weight,
                                            float score);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_BM25_EXPLANATION_H_
