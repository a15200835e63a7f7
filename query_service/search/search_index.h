// The query service's index: IndexData kept as two copies (left_right.h),
// its write path, and the read operations the QueryService serves. A search
// runs as an IndexSearcher (index_searcher.h) on the current copy; sealed
// segments merge on a SegmentMerger's thread (segment_merger.h).
//
// Concurrency: searches read the current copy without any lock, so a write
// never makes a search wait; a search sees one state from start to end and
// every write that returned before it started (read-your-writes). Writers
// analyze documents first, once, before they queue for the writer lock (so
// writers on several threads analyze in parallel); then each copy in turn
// gets the postings appended and the document compressed into its store
// (~10 µs a document), the second once the searches still reading it have
// finished. Postings are appended to each copy's open lists, sealed every
// few thousand documents into segments both copies share (segment.h); the
// merger merges segments (segment_merge.h) and publishes each merge as a
// write.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_SEARCH_INDEX_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_SEARCH_INDEX_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "docsearch/v1/query_service.pb.h"
#include "docsearch/v1/shard_service.pb.h"
#include "query_service/index/index_data.h"
#include "query_service/index/left_right.h"
#include "query_service/index/reader_writer_lock.h"
#include "query_service/search/analyzer_pool.h"
#include "query_service/search/index_searcher.h"
#include "query_service/search/index_snapshot.h"
#include "query_service/search/search_options.h"
#include "query_service/search/search_spec.h"
#include "query_service/search/segment_merger.h"

namespace docsearch::query {

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

  // INVALID_ARGUMENT naming the part of the query at fault ("query..." or
  // "query_string...") when it does not parse or bind.
  absl::StatusOr<SearchResult> Search(const SearchSpec& spec) const;

  // Cluster mode (shard_statistics.h): the statistics this index's search
  // for `spec` scores with, and every (field, term) it looks up, with
  // `main_language` (non-empty) as the collection's main language instead
  // of this index's own.
  absl::StatusOr<docsearch::v1::CollectionStatisticsMessage> TermStatistics(
      const SearchSpec& spec, const std::string& main_language) const;

  // Search scored as one shard of several (`shard`: the statistics summed
  // over every shard and their main language) instead of with this index's
  // own.
  absl::StatusOr<SearchResult> Search(const SearchSpec& spec, const ShardScoring& shard) const;

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
  void WaitForMerges() { merger_.WaitForMerges(); }

 private:
  // Seals `data`'s open postings when they hold a segment's worth of
  // documents; `sealed` is as IndexData::Seal's `shared`.
  void SealIfFull(IndexData& data, std::shared_ptr<const Segment>& sealed) const;

  const SearchOptions options_;
  // Analyzers for searches; a few idle ones, about one per core.
  mutable AnalyzerPool search_analyzers_{4, options_.analysis};
  LeftRight<IndexData> data_;
  // Serializes writers, so that what a writer read of the data before it
  // writes is still the state it writes to. A ReaderWriterLock used
  // exclusively, so TSan sees it (reader_writer_lock.h).
  ReaderWriterLock writer_mu_;
  // Writers analyze the documents they write with these, before taking
  // writer_mu_, so that writers on several threads analyze in parallel.
  AnalyzerPool writer_analyzers_{2, options_.analysis};
  // Writers analyze with these under writer_mu_ (an analyzer is
  // single-threaded): one for the versions being replaced or deleted, one
  // inside the writes for what was not analyzed before.
  TextAnalyzer prepare_analyzer_ ABSL_GUARDED_BY(writer_mu_){options_.analysis};
  TextAnalyzer writer_analyzer_ ABSL_GUARDED_BY(writer_mu_){options_.analysis};

  // Last: its thread starts once everything above is constructed, and
  // stops before any of it is destroyed.
  SegmentMerger merger_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_SEARCH_INDEX_H_
