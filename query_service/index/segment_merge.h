// Merging segments (segment.h): which runs to merge, and the merge itself.
//
// Policy: Lucene's LogDocMergePolicy in small. A segment's level is how
// many times `factor` the documents it holds are above the seal size;
// whenever `factor` adjacent segments share a level they merge into one of
// the next level. A sealed document is so rewritten about
// log_factor(N / seal size) times, and an index of N documents holds at
// most about (factor - 1) × log_factor(N / seal size) segments. Deleted and
// replaced documents keep their postings until their segment merges; when
// no run is due, a segment mostly dead (above `expunge_dead_fraction`) is
// merged alone, as Lucene's forceMergeDeletes does, so that an
// update-heavy index does not keep the old versions' postings in its large
// segments for long.
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
  // Segments of one level that merge.
  size_t factor = 8;
  double expunge_dead_fraction = 0.5;
};

struct MergeRun {
  size_t begin = 0;
  size_t count = 0;
};

// The run of `segments` to merge next, the lowest level first; nullopt when
// none is due. `live_documents[i]`: the documents of segments[i]'s range
// live now (IndexData::segment_live).
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
