#include "query_service/storage/snapshotter.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "common/log.h"
#include "query_service/index/version_history.h"
#include "query_service/storage/log_files.h"
#include "query_service/storage/snapshot.h"

namespace docsearch::query {

Snapshotter::Snapshotter(std::string directory, Indexer* indexer, const SearchIndex* index,
                         const WriteAheadLog* log, SnapshotterOptions options,
                         uint64_t last_generation)
    : directory_(std::move(directory)),
      indexer_(indexer),
      index_(index),
      log_(log),
      options_(options),
      last_generation_(last_generation) {}

Snapshotter::~Snapshotter() { Stop(); }

void Snapshotter::Start() {
  thread_ = std::thread([this] { Run(); });
}

void Snapshotter::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

int64_t Snapshotter::LogBytesSinceSnapshot() const {
  return log_->appended_bytes() - bytes_at_last_snapshot_.load();
}

void Snapshotter::NotifyLogGrew() {
  if (options_.log_bytes <= 0 || LogBytesSinceSnapshot() < options_.log_bytes) return;
  absl::MutexLock lock(&mu_);
  wake_ = true;
}

void Snapshotter::Run() {
  absl::Time last = absl::Now();
  // After a failure, no attempt before this (a full disk is not hammered).
  absl::Time next_attempt = absl::InfinitePast();
  absl::Duration backoff = options_.poll;
  auto stop_or_wake = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stop_ || wake_; };
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      mu_.AwaitWithTimeout(absl::Condition(&stop_or_wake), options_.poll);
      if (stop_) return;
      wake_ = false;
    }
    const int64_t pending = LogBytesSinceSnapshot();
    const bool by_bytes = options_.log_bytes > 0 && pending >= options_.log_bytes;
    const bool by_time = options_.interval > absl::ZeroDuration() && pending > 0 &&
                         absl::Now() - last >= options_.interval;
    if ((!by_bytes && !by_time) || absl::Now() < next_attempt) continue;
    absl::StatusOr<SnapshotReport> report = TakeSnapshot();
    if (!report.ok()) {
      // The log keeps every write, so a failed snapshot costs only recovery
      // time and disk; retry with backoff.
      LogError(absl::StrCat("snapshot failed (writes continue, the log grows): ",
                            report.status().ToString()));
      next_attempt = absl::Now() + backoff;
      backoff = std::min(backoff * 2, absl::Minutes(1));
      continue;
    }
    backoff = options_.poll;
    last = absl::Now();
  }
}

absl::StatusOr<SnapshotReport> Snapshotter::TakeSnapshot() {
  absl::MutexLock lock(&snapshot_mu_);
  return TakeSnapshotLocked();
}

absl::StatusOr<SnapshotReport> Snapshotter::TakeSnapshotLocked() {
  SnapshotReport report;
  absl::Time started = absl::Now();
  const absl::Time snapshot_started = started;
  // Bytes appended before the rotation are what this snapshot makes
  // unnecessary to replay; read it first so nothing is counted twice.
  const int64_t bytes_before = log_->appended_bytes();
  absl::StatusOr<uint64_t> generation = indexer_->RotateLog();
  if (!generation.ok()) return generation.status();
  report.generation = *generation;
  report.rotate_seconds = absl::ToDoubleSeconds(absl::Now() - started);

  started = absl::Now();
  SnapshotWriter writer(*generation);
  // Copy in chunks, leaving the read in between so that writes wait for
  // one chunk, not the whole index. Documents only get appended (a
  // replacement takes a new, higher DocId), so a document live throughout is
  // copied exactly once; one that changed meanwhile is copied zero, one or
  // two times (the later copy is the newer version and wins at load), all
  // of which the replay of generation G corrects (see the header). Slots
  // appended after the first chunk are all writes of G: not needed.
  size_t next = 0;
  size_t limit = 0;
  bool first = true;
  absl::Status copied;
  while (copied.ok() && (first || next < limit)) {
    index_->Read([&](IndexSnapshot data) {
      // Timed inside the read: the time a write waits for this chunk.
      const absl::Time chunk_started = absl::Now();
      if (first) limit = data->live().size();
      const size_t end =
          std::min(limit, next + static_cast<size_t>(std::max(1, options_.documents_per_chunk)));
      // Earlier versions kept for a live id (version_history.h) come before
      // its live version in DocId order, so loading replays them in order.
      const VersionHistory* history = VersionHistory::Of(*data);
      for (; next < end && copied.ok(); ++next) {
        if (!data->live()[next] &&
            (history == nullptr || !history->IsKeptVersion(static_cast<DocId>(next)))) {
          continue;
        }
        absl::StatusOr<docsearch::v1::Document> document =
            data->documents().Load(static_cast<DocId>(next), StoredParts::kWithRaw);
        if (document.ok()) {
          writer.Add(*document);
        } else {
          copied = document.status();
        }
      }
      report.longest_chunk_seconds = std::max(report.longest_chunk_seconds,
                                              absl::ToDoubleSeconds(absl::Now() - chunk_started));
      return 0;
    });
    first = false;
  }
  // A snapshot missing a document would lose it at the next recovery.
  if (!copied.ok()) return copied;
  report.copy_seconds = absl::ToDoubleSeconds(absl::Now() - started);

  started = absl::Now();
  absl::StatusOr<SnapshotInfo> info = writer.Commit(directory_);
  if (!info.ok()) return info.status();
  report.documents = info->document_count;
  report.bytes = info->bytes;
  report.write_seconds = absl::ToDoubleSeconds(absl::Now() - started);
  bytes_at_last_snapshot_.store(bytes_before);

  // Keep the previous snapshot and the logs from it on (see the header).
  const uint64_t previous = last_generation_;
  last_generation_ = *generation;
  if (previous > 0) {
    absl::StatusOr<int> removed = RemoveFilesBefore(directory_, previous);
    if (!removed.ok()) {
      LogWarning(
          absl::StrCat("snapshot ", *generation,
                       " written, but old files were not removed: ", removed.status().ToString()));
    } else {
      report.files_removed = *removed;
    }
  }
  LogInfo(absl::StrFormat(
      "snapshot generation %d: %d documents, %d bytes; writes blocked at most %.1f ms at a time "
      "(rotation %.1f ms, longest copy chunk %.1f ms; copy %.1f ms in all); written in %.1f ms; "
      "%d obsolete files removed",
      report.generation, report.documents, report.bytes,
      1000 * std::max(report.rotate_seconds, report.longest_chunk_seconds),
      1000 * report.rotate_seconds, 1000 * report.longest_chunk_seconds, 1000 * report.copy_seconds,
      1000 * report.write_seconds, report.files_removed));
  report.total_seconds = absl::ToDoubleSeconds(absl::Now() - snapshot_started);
  if (observer_) observer_(report);
  return report;
}

}  // namespace docsearch::query
