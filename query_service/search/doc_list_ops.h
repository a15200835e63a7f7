// Set operations on scored document lists in ascending DocId order, which
// exhaustive evaluation combines bool clauses with.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_DOC_LIST_OPS_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_DOC_LIST_OPS_H_

#include "absl/container/flat_hash_map.h"
#include "query_service/search/scored_doc.h"

namespace docsearch::query {

// Documents in both; scores added when `add_scores`, else `a`'s kept.
DocList Intersect(const DocList& a, const DocList& b, bool add_scores);
// Documents of `a` not in `b`.
DocList Subtract(const DocList& a, const DocList& b);
// Adds the scores of `b` to the documents of `a` that are in both.
void AddScores(DocList& a, const DocList& b);
// `scores` as a list in DocId order.
DocList SortedFromMap(const absl::flat_hash_map<DocId, float>& scores);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_DOC_LIST_OPS_H_
