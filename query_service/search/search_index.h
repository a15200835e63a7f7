// The query service's index: IndexData kept as two copies (left_right.h),
// with the read operations the QueryService serves.
//
// Concurrency: searches read the current copy without any lock, so a write
// never makes a search wait; a search sees one state from start to end and
// every write that returned before it started (read-your-writes). Writers
// analyze documents first, once; then each copy in turn gets the postings
// appended and the document compressed into its store (~10 µs a document),
// the second once the searches still reading it have finished. Postings are
// appended to each copy's open lists, sealed every few thousand documents
// into segments both copies share (segment.h); a background thread merges
// segments (segment_merge.h) and publishes each merge as a write.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_SEARCH_INDEX_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_SEARCH_INDEX_H_

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docsearch/v1/query_service.pb.h"
#include "docsearch/v1/shard_service.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/index/left_right.h"
#include "query_service/index/reader_writer_lock.h"
#include "query_service/index/segment_merge.h"
#include "query_service/search/analyzer_pool.h"
#include "query_service/search/index_snapshot.h"
#include "query_service/search/page_token.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query {

struct SearchOptions {
  // Largest page_size accepted.
  int max_page_size = 1000;
  // page_size when the request leaves it 0.
  int default_page_size = 10;
  // Most facets one Search may ask for (each costs a pass over the
  // matches and a list in the response).
  int max_facets = 16;
  QueryLimits query_limits;
  ScoringOptions scoring;
  // When open postings are sealed into a segment and segments merge.
  MergePolicy segments;
  // Told the duration of every merge published (metrics); runs on the
  // merger thread, so it must be quick.
  std::function<void(double seconds)> on_merge;
};

// How a search on one shard of several scores: with these statistics
// (null: the index's own), and this main language (empty: the index's).
struct ShardScoring {
  const CollectionStatistics* statistics = nullptr;
  std::string main_language;
};

class SearchIndex {
 public:
  // Starts the background merger.
  explicit SearchIndex(const SearchOptions& options);
  // Stops the merger, abandoning a merge under way.
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  // Adds or replaces the document with `document.id()`. Returns false when a
  // document with the same id and content_hash is already live (nothing
  // changed). INVALID_ARGUMENT when the document cannot be indexed.
  absl::StatusOr<bool> Upsert(std::unique_ptr<docsearch::v1::Document> document);

  // Upsert of each document in order, as one write: searches see all of
  // them or none, and writers wait once for the searches in flight instead
  // of once per document. One result per document. A document whose entry
  // in `replace_same_content` is true (missing entries: false) replaces the
  // live one even when their content_hash is the same (a re-parse).
  std::vector<absl::StatusOr<bool>> UpsertBatch(
      std::vector<std::unique_ptr<docsearch::v1::Document>> documents,
      const std::vector<bool>& replace_same_content = {});

  // True when `document` would change nothing (same id and content hash).
  bool IsUnchanged(const docsearch::v1::Document& document) const;

  // NOT_FOUND when no live document has `id`.
  absl::Status Delete(const std::string& id);

  // INVALID_ARGUMENT naming the field at fault for a bad request.
  absl::StatusOr<docsearch::v1::SearchResponse> Search(
      const docsearch::v1::SearchRequest& request) const;

  // Cluster mode (shard_statistics.h): the statistics this index's search
  // for `request` scores with, and every (field, term) it looks up, with
  // `main_language` (non-empty) as the collection's main language instead
  // of this index's own. Validates the request as Search does.
  absl::StatusOr<docsearch::v1::CollectionStatisticsMessage> TermStatistics(
      const docsearch::v1::SearchRequest& request, const std::string& main_language) const;

  // Search scored with `statistics` (summed over every shard) instead of
  // this index's own, the main language being theirs.
  absl::StatusOr<docsearch::v1::SearchResponse> Search(
      const docsearch::v1::SearchRequest& request,
      const docsearch::v1::CollectionStatisticsMessage& statistics) const;

  // NOT_FOUND when absent.
  absl::StatusOr<docsearch::v1::Document> Get(const std::string& id) const;
  // About how many bytes Get(id) will return (its stored serialized size),
  // without loading it; 0 when no live document has `id`. For admission
  // before the copy is made.
  uint64_t StoredBytes(const std::string& id) const;

  docsearch::v1::GetIndexStatsResponse Stats() const;

  // Attaches an annex (index_annex.h) made by `make_annex`, one per copy of
  // the data, replacing any attached before, and first tells it of every
  // live document. Attach before loading documents where possible.
  void AttachAnnex(const std::function<std::unique_ptr<IndexAnnex>()>& make_annex);

  // Runs `read(IndexSnapshot)` on the current copy and returns its result:
  // the narrow door for read-only features kept outside this class
  // (query_service/compare/, the snapshotter). The data does not change
  // while `read` runs. `read` must not keep the snapshot or pointers into
  // the data after it returns, nor write to this SearchIndex.
  template <typename F>
  auto Read(F&& read) const {
    return data_.Read([&](const IndexData& data) { return read(IndexSnapshot(data)); });
  }

  const SearchOptions& options() const { return options_; }

  // Blocks until no merge is due or running: for tests and benchmarks that
  // need the segments settled.
  void WaitForMerges();

 private:
  // Checks what Search checks and decodes the page token.
  absl::StatusOr<std::optional<PageCursor>> ValidateSearch(
      const docsearch::v1::SearchRequest& request) const;

  // Search on one copy of the data; `cursor` is the request's decoded page
  // token.
  absl::StatusOr<docsearch::v1::SearchResponse> SearchIn(
      const IndexData& data, const docsearch::v1::SearchRequest& request,
      const std::optional<PageCursor>& cursor, absl::Time started,
      const ShardScoring& shard = ShardScoring()) const;
  docsearch::v1::GetIndexStatsResponse StatsOf(const IndexData& data) const;

  // Seals `data`'s open postings when they hold a segment's worth of
  // documents; `sealed` is as IndexData::Seal's `shared`.
  void SealIfFull(IndexData& data, std::shared_ptr<const Segment>& sealed) const;
  // Asks the merger to look for a merge: after a seal, or after a write
  // that killed documents (a segment may now be mostly dead).
  void RequestMerge();
  // The merger thread: runs merges while any is due, then sleeps until a
  // seal asks again.
  void MergeLoop();
  // Runs the next due merge; false when none is due.
  bool MergeOnce();

  const SearchOptions options_;
  // Analyzers for searches; a few idle ones, about one per core.
  mutable AnalyzerPool search_analyzers_{4};
  LeftRight<IndexData> data_;
  // Serializes writers, so that what a writer read of the data before it
  // writes is still the state it writes to. A ReaderWriterLock used
  // exclusively, so TSan sees it (reader_writer_lock.h).
  ReaderWriterLock writer_mu_;
  // Writers analyze documents with these (an analyzer is single-threaded):
  // one before writing, one inside the writes for what was not analyzed
  // before.
  TextAnalyzer prepare_analyzer_ ABSL_GUARDED_BY(writer_mu_);
  TextAnalyzer writer_analyzer_ ABSL_GUARDED_BY(writer_mu_);

  // The merger's state. std::mutex, not absl::Mutex, so that TSan sees it.
  std::mutex merge_mu_;
  std::condition_variable merge_cv_;
  bool merge_requested_ = false;  // Guarded by merge_mu_.
  bool merging_ = false;          // Guarded by merge_mu_.
  bool stopping_ = false;         // Guarded by merge_mu_.
  // Set with stopping_; a merge under way checks it between terms.
  std::atomic<bool> cancel_merge_{false};
  // Last: it starts once everything above is constructed.
  std::thread merger_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_SEARCH_INDEX_H_
