// Merging segments (segment.h): which runs to merge, and the merge itself.
//
// Policy: Lucene's TieredMergePolicy in small. The index may hold a
// budget of segments that grows slowly with its size:
// `budget_floor` + ceil(log_{2 × factor}(documents / seal size)), 5 at a
// million documents with the defaults. Once a seal takes the count over
// the budget, the run of 2 to `factor` adjacent segments with the lowest
// score merges, where the score is the run's skew (its largest segment's
// share of its documents) × its documents^0.05: runs of segments of
// similar size first (a fresh seal is not merged into a large segment over
// and over), and the smaller of two equally even runs. Keeping the count
// bounded costs rewrites: a sealed document is rewritten at most 5 times up
// to a million documents (about 3.9 times on average), against about 2
// times with the 13 segments a LogDocMergePolicy of factor 8 leaves there
// (tests/query_service/index/segment_test.cc replays the seals).
// Deleted and replaced documents keep their postings until their segment
// merges; when no run is due, a segment mostly dead (above
// `expunge_dead_fraction`) is merged alone, as Lucene's forceMergeDeletes
// does, so that an update-heavy index does not keep the old versions'
// postings in its large segments for long.
//
// The merge itself works term by term: each source segment's postings of
// live documents are appended, in DocId order, to the merged list. DocIds
// are global, so nothing is renumbered and nothing is analyzed again; dead
// documents' postings are dropped, which is where replaced and deleted
// documents give their postings' memory back.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_SEGMENT_MERGE_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_SEGMENT_MERGE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "query_service/index/segment.h"

namespace docsearch::query {

struct MergePolicy {
  // Documents in the open postings that make a seal.
  uint32_t seal_documents = 4096;
  // The most adjacent segments one merge takes; below 2 nothing merges.
  // The budget grows by one each time the index grows 2 × factor times.
  size_t factor = 8;
  // Segments allowed whatever the index's size.
  size_t budget_floor = 3;
  double expunge_dead_fraction = 0.5;
};

struct MergeRun {
  size_t begin = 0;
  size_t count = 0;
};

// The number of segments an index whose segments hold `documents` may keep.
size_t SegmentBudget(uint64_t documents, const MergePolicy& policy);

// The run of `segments` to merge next; nullopt when none is due. `live_documents[i]`: the documents
// of segments[i]'s range live now (IndexData::segment_live).
std::optional<MergeRun> PickMerge(const std::vector<std::shared_ptr<const Segment>>& segments,
                                  const std::vector<uint32_t>& live_documents,
                                  const MergePolicy& policy);

// What a merge needs to know of the documents of the run, read from the
// index when it starts: which are live, and their field lengths (block
// bounds are rebuilt from them). Indexed by DocId - first_doc.
struct MergeDocuments {
  DocId first_doc = 0;
  std::vector<bool> live;
  std::vector<uint32_t> title_lengths;
  std::vector<uint32_t> body_lengths;
};

// One segment covering `run`'s DocIds with the postings of the documents
// `documents` has live. `run` is adjacent segments in DocId order. Null
// when `cancel` (checked between terms) became true first: a shutdown does
// not wait for a whole merge.
std::shared_ptr<const Segment> MergeSegments(const std::vector<std::shared_ptr<const Segment>>& run,
                                             const MergeDocuments& documents,
                                             const std::atomic<bool>* cancel = nullptr);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_SEGMENT_MERGE_H_
