// The query service's index: IndexData behind a reader/writer lock, with the
// read operations the QueryService serves.
//
// Concurrency: searches hold a shared lock, writes an exclusive one, so a
// search sees every write that returned before it started (read-your-writes)
// and never a half-applied document. Writers analyze the document before
// taking the exclusive lock; under it they append its postings and compress
// it into the store (~10 µs), and once, at the 1,000th document, the store
// trains its zstd dictionary (~0.2 s), which readers then wait for.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_H_

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "docsearch/v1/query_service.pb.h"
#include "query_service/analyzer_pool.h"
#include "query_service/index_data.h"
#include "query_service/query_evaluator.h"
#include "query_service/reader_writer_lock.h"

namespace docsearch::query {

struct SearchOptions {
  // Largest page_size accepted.
  int max_page_size = 1000;
  // page_size when the request leaves it 0.
  int default_page_size = 10;
  QueryLimits query_limits;
  ScoringOptions scoring;
};

class SearchIndex {
 public:
  explicit SearchIndex(const SearchOptions& options) : options_(options) {}

  // Adds or replaces the document with `document.id()`. Returns false when a
  // document with the same id and content_hash is already live (nothing
  // changed). INVALID_ARGUMENT when the document cannot be indexed.
  absl::StatusOr<bool> Upsert(std::unique_ptr<docsearch::v1::Document> document);

  // True when `document` would change nothing (same id and content hash).
  bool IsUnchanged(const docsearch::v1::Document& document) const;

  // NOT_FOUND when no live document has `id`.
  absl::Status Delete(const std::string& id);

  // INVALID_ARGUMENT naming the field at fault for a bad request.
  absl::StatusOr<docsearch::v1::SearchResponse> Search(
      const docsearch::v1::SearchRequest& request) const;

  // NOT_FOUND when absent.
  absl::StatusOr<docsearch::v1::Document> Get(const std::string& id) const;

  docsearch::v1::GetIndexStatsResponse Stats() const;

  // Attaches `annex` (index_annex.h), replacing any attached before, and
  // first tells it of every live document. Attach before loading documents
  // where possible: the replay runs under the write lock.
  void AttachAnnex(std::unique_ptr<IndexAnnex> annex);

  // Runs `read(const IndexData&)` under the shared lock and returns its
  // result: the narrow door for read-only features kept outside this class
  // (query_service/compare/). `read` must not keep pointers into the data
  // after it returns, nor call back into this SearchIndex.
  template <typename F>
  auto WithReadLock(F&& read) const {
    ReaderGuard lock(&mu_);
    return read(static_cast<const IndexData&>(data_));
  }

  const SearchOptions& options() const { return options_; }

 private:
  const SearchOptions options_;
  // Analyzers for searches; a few idle ones, about one per core.
  mutable AnalyzerPool search_analyzers_{4};
  mutable ReaderWriterLock mu_;
  IndexData data_ ABSL_GUARDED_BY(mu_);
  // Used by writers only, under mu_ (an analyzer is single-threaded).
  TextAnalyzer writer_analyzer_ ABSL_GUARDED_BY(mu_);
  // Writers analyze documents under this mutex, before taking mu_; it also
  // serializes writers, so the document a writer read under the shared lock
  // is still live when it takes the exclusive one.
  // (A ReaderWriterLock used exclusively, so TSan sees it: see
  // reader_writer_lock.h.)
  ReaderWriterLock prepare_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  TextAnalyzer prepare_analyzer_ ABSL_GUARDED_BY(prepare_mu_);
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_INDEX_H_
