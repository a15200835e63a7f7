// The background thread that merges the sealed segments of a SearchIndex
// (search_index.h): it picks a run of segments by the merge policy
// (segment_merge.h), merges it with no lock held, and publishes the merged
// segment as a write, serialized with the index's other writers.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_SEGMENT_MERGER_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_SEGMENT_MERGER_H_

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "query_service/index/index_data.h"
#include "query_service/index/left_right.h"
#include "query_service/index/reader_writer_lock.h"
#include "query_service/index/segment_merge.h"

namespace docsearch::query {

class SegmentMerger {
 public:
  // Starts the thread. `data` and `writer_mu` (taken exclusively to
  // publish a merge) must outlive this merger. `on_merge` is told each
  // published merge's duration; it runs on the merger thread.
  SegmentMerger(LeftRight<IndexData>& data, ReaderWriterLock& writer_mu, const MergePolicy& policy,
                std::function<void(double seconds)> on_merge);
  // Stops the thread, abandoning a merge under way.
  ~SegmentMerger();
  SegmentMerger(const SegmentMerger&) = delete;
  SegmentMerger& operator=(const SegmentMerger&) = delete;

  // Asks the thread to look for a merge: after a seal, or after a write
  // that killed documents (a segment may now be mostly dead).
  void RequestMerge();

  // Blocks until no merge is due or running.
  void WaitForMerges();

 private:
  // Runs merges while any is due, then sleeps until asked again.
  void MergeLoop();
  // Runs the next due merge; false when none is due.
  bool MergeOnce();

  LeftRight<IndexData>& data_;
  ReaderWriterLock& writer_mu_;
  const MergePolicy policy_;
  const std::function<void(double seconds)> on_merge_;

  // std::mutex, not absl::Mutex, so that TSan sees it.
  std::mutex mu_;
  std::condition_variable cv_;
  bool requested_ = false;  // Guarded by mu_.
  bool merging_ = false;    // Guarded by mu_.
  bool stopping_ = false;   // Guarded by mu_.
  // Set with stopping_; a merge under way checks it between terms.
  std::atomic<bool> cancel_{false};
  // Last: it starts once everything above is constructed.
  std::thread thread_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_SEGMENT_MERGER_H_
