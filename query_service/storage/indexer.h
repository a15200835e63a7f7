// Applies writes durably: log first, then index, in one order.
//
// A batch is validated document by document; the documents that would change
// the index are written to the log as one record, made durable, then
// applied. The results say, per document, whether it was applied, unchanged
// (same id and content_hash, so a retried batch changes nothing), or
// rejected and why.
//
// Group commit: under the mutex a batch is validated, written to the log
// (no sync yet) and given a ticket; outside it, concurrent batches wait for
// one shared fdatasync (WriteAheadLog::Sync, leader/follower) and are then
// applied strictly in ticket order. So the log's order is the index's order,
// nothing is visible to searches before it is durable, and N concurrent
// batches cost about two syncs instead of N. Validation sees the applied
// state only: a concurrent batch still waiting for its sync is treated as
// coming after (a duplicate upsert is then logged again, which is harmless).
//
// Thread safety: thread-safe.
#ifndef DOCSEARCH_QUERY_SERVICE_STORAGE_INDEXER_H_
#define DOCSEARCH_QUERY_SERVICE_STORAGE_INDEXER_H_

#include <functional>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "docsearch/v1/index_service.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "query_service/search/search_index.h"
#include "query_service/storage/write_ahead_log.h"

namespace docsearch::query {

class Indexer {
 public:
  // `log` may be null (memory only, or attached later). Neither is owned.
  // With `group_commit`, concurrent batches share fdatasyncs (see Commit);
  // without, each batch syncs alone while holding the log (kept for
  // measuring the difference).
  Indexer(SearchIndex* index, WriteAheadLog* log, bool group_commit = true)
      : index_(index), group_commit_(group_commit), log_(log) {}

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
  // Documents are stamped ingested_at = now, except with
  // `keep_ingested_at` those that carry one: a replica applying the
  // cluster's log keeps the ingest service's stamp, so every replica of a
  // shard stores the same document.
  absl::StatusOr<docsearch::v1::WriteResponse> Write(const docsearch::v1::WriteRequest& request,
                                                     bool keep_ingested_at = false);

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
  // A batch logged (written, perhaps not yet synced) and waiting to apply.
  struct Pending {
    uint64_t ticket = 0;           // Log order; batches apply in this order.
    WriteAheadLog* log = nullptr;  // Sync `position` here first (null: nothing to wait for).
    int64_t position = 0;
  };

  // Writes the record to the log (synced too without group commit) and
  // takes the next ticket.
  absl::StatusOr<Pending> LogLocked(LogRecordType type, const std::string& payload)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // Waits for `pending` to be durable, then runs `apply` in ticket order.
  // A failed sync is returned and `apply` not run.
  absl::Status Commit(const Pending& pending, const std::function<void()>& apply);

  SearchIndex* const index_;
  const bool group_commit_;
  // Orders log writes: the log's order is the tickets' order.
  absl::Mutex mu_ ABSL_ACQUIRED_BEFORE(apply_mu_);
  WriteAheadLog* log_ ABSL_GUARDED_BY(mu_);
  uint64_t next_ticket_ ABSL_GUARDED_BY(mu_) = 0;
  // Orders index application: batch `ticket` applies when this equals it.
  absl::Mutex apply_mu_;
  uint64_t applied_tickets_ ABSL_GUARDED_BY(apply_mu_) = 0;
  // Set before writes start, read without the mutex.
  std::function<void()> after_log_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_STORAGE_INDEXER_H_
