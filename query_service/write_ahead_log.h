// The query service's write-ahead log: every acknowledged write, in order.
//
// On-disk format (docs/FORMATS.md): the file <data_dir>/wal.log starts with
// the 8-byte magic "DSWAL\0\0\1", followed by records
//
//   u32 little-endian  payload length
//   u32 little-endian  CRC-32C of (type byte, payload)
//   u8                 record type (1 = upsert batch, 2 = delete)
//   payload            a serialized WriteRequest or DeleteDocumentRequest
//
// Append returns only after the record is on stable storage (fdatasync), so
// a write acknowledged after Append survives a crash of the process or the
// machine. Open replays every intact record; a torn or corrupt tail (a crash
// mid-append) is cut off with a warning, never loaded as data.
//
// Thread safety: Append is not thread-safe; the caller serializes writes
// (the order of the log is the order of the index).
#ifndef DOCSEARCH_QUERY_SERVICE_WRITE_AHEAD_LOG_H_
#define DOCSEARCH_QUERY_SERVICE_WRITE_AHEAD_LOG_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docsearch::query {

enum class LogRecordType : uint8_t { kUpsertBatch = 1, kDelete = 2 };

struct RecoveryReport {
  int64_t records_replayed = 0;
  // Bytes cut from the end because the last record was torn or corrupt.
  int64_t bytes_truncated = 0;
  double seconds = 0;
};

class WriteAheadLog {
 public:
  using ReplayFunction = std::function<absl::Status(LogRecordType, absl::string_view payload)>;

  // Opens (creating if needed) the log in `directory`, calling `replay` for
  // every intact record in order. Errors: the directory or file cannot be
  // used; a file that is not a docsearch log (FAILED_PRECONDITION); an error
  // returned by `replay`.
  static absl::StatusOr<std::unique_ptr<WriteAheadLog>> Open(const std::string& directory,
                                                             const ReplayFunction& replay,
                                                             RecoveryReport* report);

  ~WriteAheadLog();
  WriteAheadLog(const WriteAheadLog&) = delete;
  WriteAheadLog& operator=(const WriteAheadLog&) = delete;

  // Appends one record and waits until it is durable.
  absl::Status Append(LogRecordType type, absl::string_view payload);

  const std::string& path() const { return path_; }

 private:
  WriteAheadLog(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}

  const std::string path_;
  const int fd_;
  // Bytes of intact records; a failed append is cut back to here so later
  // records never follow garbage.
  int64_t end_ = 0;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_WRITE_AHEAD_LOG_H_
