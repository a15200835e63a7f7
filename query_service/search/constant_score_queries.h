// The queries that match without ranking: term, terms, prefix, range and
// match_all. Each reads a keyword list, the term dictionary or a column and
// gives every live match the constant score 1 (a bool's filter clauses then
// drop it); none of them reads postings' frequencies or BM25 statistics.
// QueryEvaluator (query_evaluator.h) evaluates them through this class, and
// a range in a bool's filter becomes a DocFilter column test (AddRange).
//
// Errors are INVALID_ARGUMENT naming the path of the offending node.
//
// Thread safety: one search's; over an IndexData no one writes meanwhile.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_CONSTANT_SCORE_QUERIES_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_CONSTANT_SCORE_QUERIES_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/query.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/search/doc_filter.h"
#include "query_service/search/query_binder.h"
#include "query_service/search/scored_doc.h"

namespace docsearch::query {

class ConstantScoreQueries {
 public:
  // `binder` resolves keyword values and collects the terms a text prefix
  // expands to, for highlighting; all must outlive this.
  ConstantScoreQueries(const IndexData& index, TextAnalyzer& analyzer, const QueryLimits& limits,
                       QueryBinder& binder)
      : index_(index), analyzer_(analyzer), limits_(limits), binder_(binder) {}

  // The live documents holding any of `values` in keyword `field`.
  absl::StatusOr<DocList> Terms(const std::string& field, const std::vector<std::string>& values,
                                const std::string& path);
  // The live documents holding a term of the text or keyword field that
  // starts with the prefix (folded); at most QueryLimits::max_expansions
  // terms.
  absl::StatusOr<DocList> Prefix(const docsearch::v1::PrefixQuery& prefix, const std::string& path);
  // The live documents whose date or number falls in `range`.
  absl::StatusOr<DocList> Range(const docsearch::v1::RangeQuery& range, const std::string& path);
  // Adds `range` to `filter` as a column test; INVALID_ARGUMENT as Range.
  absl::Status AddRange(const docsearch::v1::RangeQuery& range, const std::string& path,
                        DocFilter& filter);
  // Every live document (match_all, and a bool of only must_not clauses).
  DocList AllLive() const;

 private:
  const IndexData& index_;
  TextAnalyzer& analyzer_;
  const QueryLimits& limits_;
  QueryBinder& binder_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_CONSTANT_SCORE_QUERIES_H_
