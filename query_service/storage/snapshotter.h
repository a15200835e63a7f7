// Takes snapshots of the index so that recovery replays a bounded log, and
// removes the logs and snapshots they make obsolete.
//
// A snapshot is a consistent cut taken without stopping writes for long:
//   1. Indexer::RotateLog: under the indexer's mutex (writes wait for one
//      file creation) the log moves to generation G. Every write logged in
//      generations < G is in the index; every later write is logged in >= G.
//   2. The live documents are serialized into memory in chunks of a few
//      hundred, each in one read of the index (a write waits for one chunk,
//      searches not at all). Writes of generation G that ran meanwhile may
//      be in this copy, wholly or partly: a document changed during the copy
//      may be in it in its old version, its new one, both or not at all.
//   3. Outside any lock the snapshot is written as snapshot-G (tmp, fsync,
//      rename, fsync directory).
//   4. Only then are files below the previous snapshot's generation removed:
//      the previous snapshot and the logs from it on stay, so a damaged
//      newest snapshot can be skipped at recovery without losing data.
//
// Why replaying all of generation G over such a copy is correct: every
// record is a whole-document upsert or a delete, so a document's final state
// after replay is set by the last record touching it, provided that record
// takes effect. A delete always does (deleting an absent id is a no-op). An
// upsert is skipped only when the same id with the same content_hash is
// live. If G touches an id once, the copy holds it absent, as before G
// (another hash, else it would not have been logged) or as that very record
// left it: the upsert is applied or is already there. If G touches it
// several times, the record before the last left it absent or with another
// hash (the indexer never logs an unchanged document), so the last applies.
// Ids G never touches were live at one slot throughout and are copied once,
// exactly as before G. Recovery loads a snapshot in slot order, so of two
// copies of one id the later (newer) wins, before replay fixes it anyway.
//
// This relies on IndexData slots being append-only while a snapshot runs
// (replacement = new slot); compaction that renumbers slots would need a
// hook to restart the copy.
//
// Thread safety: thread-safe. Start runs a background thread; Stop joins it.
#ifndef DOCSEARCH_QUERY_SERVICE_STORAGE_SNAPSHOTTER_H_
#define DOCSEARCH_QUERY_SERVICE_STORAGE_SNAPSHOTTER_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "query_service/search/search_index.h"
#include "query_service/storage/indexer.h"
#include "query_service/storage/write_ahead_log.h"

namespace docsearch::query {

struct SnapshotterOptions {
  // Take a snapshot once this many log bytes were written since the last
  // (0 disables the trigger).
  int64_t log_bytes = 64 << 20;
  // Also take one when this long has passed and anything was logged (zero
  // disables the trigger).
  absl::Duration interval = absl::ZeroDuration();
  // Documents serialized per read of the index: a write waits for at most
  // one chunk (about 15 ms for 512 documents of 3 KB).
  int documents_per_chunk = 512;
  // How often the background thread looks at the interval trigger (the
  // byte trigger wakes it through NotifyLogGrew).
  absl::Duration poll = absl::Seconds(1);
};

struct SnapshotReport {
  uint64_t generation = 0;
  uint64_t documents = 0;
  int64_t bytes = 0;
  // Writes waited this long for the rotation, and at most the longest chunk
  // for the copy (which took copy_seconds in all, lock released between
  // chunks).
  double rotate_seconds = 0;
  double longest_chunk_seconds = 0;
  double copy_seconds = 0;
  // Writing, syncing and renaming the file (no lock held).
  double write_seconds = 0;
  int files_removed = 0;
};

class Snapshotter {
 public:
  // None of the pointers is owned; all must outlive this. `last_generation`
  // is the snapshot recovery loaded (0: none).
  Snapshotter(std::string directory, Indexer* indexer, const SearchIndex* index,
              const WriteAheadLog* log, SnapshotterOptions options, uint64_t last_generation);
  ~Snapshotter();

  // Starts the background thread.
  void Start();
  // Stops and joins it; a snapshot in progress finishes first.
  void Stop();

  // Wakes the background thread when the log grew past the threshold; cheap
  // enough to call after every append (Indexer::AttachLog's after_log).
  void NotifyLogGrew();

  // Takes a snapshot now (serialized with the background thread's).
  absl::StatusOr<SnapshotReport> TakeSnapshot();

  // Log bytes written since the last snapshot.
  int64_t LogBytesSinceSnapshot() const;

 private:
  void Run();
  absl::StatusOr<SnapshotReport> TakeSnapshotLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(snapshot_mu_);

  const std::string directory_;
  Indexer* const indexer_;
  const SearchIndex* const index_;
  const WriteAheadLog* const log_;
  const SnapshotterOptions options_;

  absl::Mutex snapshot_mu_;  // One snapshot at a time.
  uint64_t last_generation_ ABSL_GUARDED_BY(snapshot_mu_);
  // appended_bytes() of the log at the last rotation.
  std::atomic<int64_t> bytes_at_last_snapshot_{0};

  absl::Mutex mu_;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  bool wake_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_STORAGE_SNAPSHOTTER_H_
