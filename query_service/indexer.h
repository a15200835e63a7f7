// Applies writes durably: log first, then index, in one order.
//
// A batch is validated document by document; the documents that would change
// the index are written to the log as one record (one fdatasync per batch:
// group commit at batch granularity), then applied. The results say, per
// document, whether it was applied, unchanged (same id and content_hash,
// so a retried batch changes nothing), or rejected and why.
//
// Thread safety: thread-safe; writes are serialized by an internal mutex so
// that the log's order is the index's order.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEXER_H_
#define DOCSEARCH_QUERY_SERVICE_INDEXER_H_

#include <functional>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "docsearch/v1/index_service.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "query_service/search_index.h"
#include "query_service/write_ahead_log.h"

namespace docsearch::query {

class Indexer {
 public:
  // `log` may be null (memory only, or attached later). Neither is owned.
  Indexer(SearchIndex* index, WriteAheadLog* log) : index_(index), log_(log) {}

  // Starts logging writes to `log` (after recovery replayed it). Call before
  // the first Write. `after_log`, when set, runs after each append outside
  // the mutex (the snapshotter's cheap "log grew" check).
  void AttachLog(WriteAheadLog* log, std::function<void()> after_log = nullptr) {
    absl::MutexLock lock(&mu_);
    log_ = log;
    after_log_ = std::move(after_log);
  }

  // Applies a batch. A non-OK status means nothing was acknowledged (the log
  // could not be written); per-document problems are in the results.
  absl::StatusOr<docsearch::v1::WriteResponse> Write(const docsearch::v1::WriteRequest& request);

  // Deletes durably. NOT_FOUND when absent, INVALID_ARGUMENT for an empty id.
  absl::Status Delete(const std::string& id);

  // Applies one replayed log record (at start-up, before serving). Records
  // are whole-document upserts and deletes, so replaying one over a state
  // that already reflects it is harmless: a delete of an absent id is fine.
  absl::Status Replay(LogRecordType type, absl::string_view payload);

  // Adds one document loaded from a snapshot (at start-up, before serving).
  absl::Status LoadDocument(docsearch::v1::Document document);

  // Switches the log to its next generation while no write is in flight, so
  // every write logged before it is already in the index and every later one
  // is in the new generation. Returns the new generation; FAILED_PRECONDITION
  // without a log. The snapshot taken next covers the generations before it.
  absl::StatusOr<uint64_t> RotateLog();

 private:
  // Validates, logs and applies `request` (stamped `now`) into `response`.
  absl::Status WriteLocked(const docsearch::v1::WriteRequest& request,
                           const google::protobuf::Timestamp& now,
                           docsearch::v1::WriteResponse& response)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  SearchIndex* const index_;
  absl::Mutex mu_;  // Serializes log appends with their index application.
  WriteAheadLog* log_ ABSL_GUARDED_BY(mu_);
  // Set before writes start, read without the mutex.
  std::function<void()> after_log_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEXER_H_
