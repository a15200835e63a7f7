// FindPassageReuse: every passage of the index that repeats a stored
// paragraph or a given text, verbatim or nearly, as a dated timeline.
//
// The passage looked for is fingerprinted like the index's passages
// (passage_fingerprints.h: the whole text and, when long, its sentence
// windows). Candidates are the live passages sharing an LSH band key with
// one of them (passage_index.h), within the typed filter when one is given
// (compare/filter.h, as FindSimilar). Each candidate paragraph is loaded
// and fingerprinted again, and its best (looked-for passage, paragraph
// passage) pair scored exactly: Jaccard resemblance of the shingle sets
// (`similarity`, the threshold) and containment. A word diff of that pair
// (word_diff.h) gives the aligned spans. One result per paragraph.
//
// Order: published date, oldest first, undated last; ties by id, then
// paragraph. The first is marked as the first known source.
//
// Errors: INVALID_ARGUMENT naming the field (no source, a text or paragraph
// under kMinPassageWords words, a threshold outside (0, 1], max_results
// outside 0..kMaxReuseResults, a bad filter); NOT_FOUND for an unknown id
// or a paragraph index past the document's; FAILED_PRECONDITION when the
// index keeps no passage fingerprints.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_PASSAGE_REUSE_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_PASSAGE_REUSE_H_

#include "absl/status/statusor.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/comparison.pb.h"
#include "query_service/search/index_snapshot.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query::compare {

inline constexpr double kDefaultReuseSimilarity = 0.5;
inline constexpr int kDefaultReuseResults = 100;
inline constexpr int kMaxReuseResults = 1000;

absl::StatusOr<docsearch::v1::FindPassageReuseResponse> FindPassageReuse(
    const docsearch::v1::FindPassageReuseRequest& request, IndexSnapshot index,
    TextAnalyzer& analyzer, const QueryLimits& limits);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_PASSAGE_REUSE_H_
