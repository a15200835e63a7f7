#include "query_service/storage/log_replay.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/log.h"
#include "query_service/storage/log_files.h"
#include "query_service/storage/log_scan.h"

namespace docsearch::query {
namespace {

// Intact records in the log files of `generations` (for the message about
// what a damaged region puts at risk). Files that cannot be read or are not
// logs count nothing; recovery reports them itself when it gets there.
struct RecordCount {
  size_t records = 0;
  size_t files = 0;
};
RecordCount CountRecords(const std::string& directory, const std::vector<uint64_t>& generations) {
  RecordCount count;
  for (uint64_t generation : generations) {
    absl::StatusOr<std::string> data = ReadFile(LogPath(directory, generation));
    if (!data.ok() || !absl::StartsWith(*data, kLogMagic)) continue;
    count.records += ScanLogRecords(*data, kLogMagic.size()).records.size();
    ++count.files;
  }
  return count;
}

}  // namespace

absl::StatusOr<ReplayedLog> ReplayLogFiles(const std::string& directory, uint64_t from_generation,
                                           const LogReplayFunction& replay, RecoveryReport* report,
                                           WalRecoveryMode mode) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create data_dir ", directory, ": ", error.message()));
  }
  absl::StatusOr<DataDirContents> contents = ListDataDir(directory);
  if (!contents.ok()) return contents.status();
  std::vector<uint64_t> generations;
  for (uint64_t g : contents->log_generations) {
    if (g >= from_generation) generations.push_back(g);
  }
  if (!generations.empty()) {
    // Logs are removed only below a snapshot's generation, so without a
    // snapshot the history must start at the beginning, and with one at its
    // generation; a hole anywhere means acknowledged writes are gone.
    const uint64_t expected_first = std::max<uint64_t>(from_generation, 1);
    if (generations.front() > expected_first) {
      return absl::FailedPreconditionError(absl::StrCat(
          "log generation ", expected_first, " (", LogPath(directory, expected_first),
          ") is missing",
          from_generation == 0 ? " and no snapshot covers the writes before it"
                               : absl::StrCat(", which snapshot ", from_generation, " needs")));
    }
    for (size_t i = 1; i < generations.size(); ++i) {
      if (generations[i] != generations[i - 1] + 1) {
        return absl::FailedPreconditionError(absl::StrCat(
            "log generation ", generations[i - 1] + 1, " is missing between ",
            LogPath(directory, generations[i - 1]), " and ", LogPath(directory, generations[i])));
      }
    }
  } else {
    const uint64_t generation = std::max<uint64_t>(from_generation, 1);
    if (from_generation > 0) {
      LogWarning(absl::StrCat("snapshot generation ", from_generation,
                              " has no log file; starting ", LogPath(directory, generation)));
    }
    absl::StatusOr<int> fd = CreateLogFile(directory, generation);
    if (!fd.ok()) return fd.status();
    return ReplayedLog{generation, LogPath(directory, generation), *fd,
                       static_cast<int64_t>(kLogMagic.size()), 0};
  }

  // Records go into a file only once the previous file is complete and
  // synced, so a file may end torn only when no later file holds a record
  // (normally: it is the newest; or a rotation created an empty successor
  // and crashed).
  size_t last_with_records = 0;
  for (size_t i = 0; i < generations.size(); ++i) {
    std::error_code size_error;
    const auto size = std::filesystem::file_size(LogPath(directory, generations[i]), size_error);
    if (!size_error && size > kLogMagic.size()) last_with_records = i;
  }
  int64_t total_bytes = 0;
  for (size_t i = 0; i < generations.size(); ++i) {
    const uint64_t generation = generations[i];
    bool newest = i + 1 == generations.size();
    const std::string path = LogPath(directory, generation);
    absl::StatusOr<std::string> read = ReadFile(path);
    if (!read.ok()) return read.status();
    const absl::string_view data(*read);

    // A crash while creating the newest file can leave part of the magic:
    // it never held a record, so start it over.
    if (newest && data.size() < kLogMagic.size() && kLogMagic.substr(0, data.size()) == data) {
      absl::StatusOr<int> created = CreateLogFile(directory, generation);
      if (!created.ok()) return created.status();
      report->log_files_replayed++;
      return ReplayedLog{generation, path, *created, static_cast<int64_t>(kLogMagic.size()),
                         total_bytes};
    }
    if (data.size() < kLogMagic.size() || data.substr(0, kLogMagic.size()) != kLogMagic) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, " is not a docsearch write-ahead log (bad magic); refusing to touch it"));
    }
    const LogScan scan = ScanLogRecords(data, kLogMagic.size());
    size_t records_to_replay = scan.records.size();
    size_t end = data.size();
    if (scan.damaged()) {
      const LogDamage& first = scan.damage.front();
      if (i >= last_with_records && scan.records_after_damage() == 0) {
        // The tail an interrupted write leaves: its fdatasync never returned,
        // so it was never acknowledged. Cut it, keeping the bytes aside in
        // case the disk damaged the last acknowledged record instead.
        absl::StatusOr<std::string> kept = KeepAside(
            directory, path, absl::StrCat(".torn-at-", first.offset), data.substr(first.offset));
        if (!kept.ok()) return kept.status();
        if (absl::Status cut = TruncateFile(path, static_cast<int64_t>(first.offset)); !cut.ok())
          return cut;
        report->kept_aside.push_back(*kept);
        report->bytes_truncated += static_cast<int64_t>(data.size() - first.offset);
        LogWarning(absl::StrCat(path, ": cut ", data.size() - first.offset, " bytes (",
                                first.reason, ") after byte ", first.offset,
                                ": the last record, as an interrupted write that was never "
                                "acknowledged leaves it; the bytes are kept in ",
                                *kept));
        end = first.offset;
      } else {
        // Intact records follow the damage: they, and so the damaged record,
        // were acknowledged.
        const std::vector<uint64_t> later(generations.begin() + static_cast<long>(i) + 1,
                                          generations.end());
        const RecordCount after = CountRecords(directory, later);
        const size_t at_risk = scan.records_after_damage() + after.records;
        const std::string what = absl::StrCat(
            path, " is damaged at byte ", first.offset, " (", first.reason, ") and ", at_risk,
            " intact records follow it (", scan.records_after_damage(), " in this file, ",
            after.records, " in ", after.files,
            " later log files): acknowledged writes were damaged, this is not a torn tail");
        switch (mode) {
          case WalRecoveryMode::kStrict:
            return absl::FailedPreconditionError(absl::StrCat(
                what,
                ". The log files were not changed. Restore the file from a backup, or restart with "
                "--wal_recovery=point_in_time (recover the writes before the damage) or "
                "--wal_recovery=skip_corrupted (recover every intact record); both keep the "
                "damaged file aside first"));
          case WalRecoveryMode::kPointInTime: {
            absl::StatusOr<std::string> kept =
                KeepAside(directory, path, absl::StrCat(".damaged-at-", first.offset), data);
            if (!kept.ok()) return kept.status();
            report->kept_aside.push_back(*kept);
            if (absl::Status cut = TruncateFile(path, static_cast<int64_t>(first.offset));
                !cut.ok()) {
              return cut;
            }
            // Later generations hold writes after the point: set them aside
            // too, so that this file is the newest and appends follow it.
            for (uint64_t g : later) {
              absl::StatusOr<std::string> moved =
                  MoveAside(directory, LogPath(directory, g), ".after-damage");
              if (!moved.ok()) return moved.status();
              report->kept_aside.push_back(*moved);
            }
            records_to_replay = scan.records_before_damage;
            end = first.offset;
            report->records_dropped += static_cast<int64_t>(at_risk);
            LogError(absl::StrCat(what, ". --wal_recovery=point_in_time: recovered the ",
                                  scan.records_before_damage,
                                  " records before the damage and DROPPED the ", at_risk,
                                  " after it; the damaged file is kept as ", *kept,
                                  after.files > 0 ? " and the later logs beside it" : ""));
            newest = true;
            break;
          }
          case WalRecoveryMode::kSkipCorrupted: {
            absl::StatusOr<std::string> kept =
                KeepAside(directory, path, absl::StrCat(".damaged-at-", first.offset), data);
            if (!kept.ok()) return kept.status();
            report->kept_aside.push_back(*kept);
            std::string intact(kLogMagic);
            for (const LogRecordSpan& record : scan.records) {
              intact.append(data.data() + record.offset, record.end() - record.offset);
            }
            if (absl::Status replaced = ReplaceFile(directory, path, intact); !replaced.ok())
              return replaced;
            int64_t skipped = 0;
            for (const LogDamage& damage : scan.damage)
              skipped += static_cast<int64_t>(damage.end - damage.offset);
            report->damaged_bytes_skipped += skipped;
            end = intact.size();
            LogError(absl::StrCat(what, ". --wal_recovery=skip_corrupted: SKIPPED ", skipped,
                                  " damaged bytes in ", scan.damage.size(),
                                  " regions (the writes in them are lost) and recovered the ",
                                  scan.records.size(),
                                  " intact records of this file; the original is kept as ", *kept));
            break;
          }
        }
      }
    }
    for (size_t r = 0; r < records_to_replay; ++r) {
      const LogRecordSpan& record = scan.records[r];
      absl::Status s =
          replay(record.type, data.substr(record.offset + kLogRecordHeaderBytes, record.length));
      if (!s.ok()) {
        return absl::Status(s.code(), absl::StrCat("replaying ", path, " at byte ", record.offset,
                                                   ": ", s.message()));
      }
      report->records_replayed++;
    }
    report->log_files_replayed++;
    total_bytes += static_cast<int64_t>(end - kLogMagic.size());
    if (!newest) continue;
    int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return ErrnoStatus("cannot open", path);
    if (::lseek(fd, static_cast<off_t>(end), SEEK_SET) < 0) {
      absl::Status seek_failed = ErrnoStatus("cannot seek", path);
      ::close(fd);
      return seek_failed;
    }
    return ReplayedLog{generation, path, fd, static_cast<int64_t>(end), total_bytes};
  }
  return absl::InternalError("unreachable: no newest log");
}

}  // namespace docsearch::query
