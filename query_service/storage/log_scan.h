// Reading the records of one write-ahead log file, and telling a torn tail
// from corruption.
//
// A record is written, then fdatasynced, then acknowledged, and records go
// into a file in order, so an interrupted write can only leave its damage at
// the very end of the newest log: a *torn tail*, never acknowledged. Damage
// followed by an intact record is something else: the disk (or someone)
// changed bytes of records that were acknowledged, and everything after the
// damage was acknowledged too. ScanLogRecords finds every intact record,
// including those after damage, so recovery can tell the two apart and say
// how much acknowledged data a damaged region puts at risk.
//
// Finding records after damage: if the damaged record's length field still
// points at an intact record, that is the next one (the usual case: a byte
// flipped in a payload); otherwise every later byte offset is tried. A false
// match needs a plausible length, a known type byte and a matching CRC-32C
// at once; it could only make recovery refuse to start (never lose data).
#ifndef DOCSEARCH_QUERY_SERVICE_STORAGE_LOG_SCAN_H_
#define DOCSEARCH_QUERY_SERVICE_STORAGE_LOG_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docsearch::query {

enum class LogRecordType : uint8_t { kUpsertBatch = 1, kDelete = 2 };

// How recovery treats damage that is not a torn tail (--wal_recovery;
// modelled on RocksDB's WAL recovery modes, docs/RELIABILITY.md).
enum class WalRecoveryMode {
  // Refuse to start and touch nothing (the default).
  kStrict,
  // Recover every record before the first damage; keep the damaged file and
  // every later log aside and continue from that point.
  kPointInTime,
  // Recover every intact record, skipping only the damaged bytes; keep the
  // damaged file aside and rewrite it with its intact records.
  kSkipCorrupted,
};

// "strict", "point_in_time" or "skip_corrupted"; INVALID_ARGUMENT otherwise.
absl::StatusOr<WalRecoveryMode> ParseWalRecoveryMode(absl::string_view name);
absl::string_view WalRecoveryModeName(WalRecoveryMode mode);

// The first 8 bytes of every log file; the last byte is the format version.
inline constexpr absl::string_view kLogMagic("DSWAL\0\0\1", 8);

// Record framing: u32 length, u32 CRC-32C of (type, payload), u8 type.
inline constexpr size_t kLogRecordHeaderBytes = 4 + 4 + 1;
// A record larger than this is taken as damage, not allocated.
inline constexpr uint32_t kMaxLogRecordBytes = 1u << 30;

struct LogRecordSpan {
  size_t offset = 0;    // Of the header.
  uint32_t length = 0;  // Of the payload.
  LogRecordType type = LogRecordType::kUpsertBatch;
  size_t end() const { return offset + kLogRecordHeaderBytes + length; }
};

// Bytes [offset, end) hold no intact record.
struct LogDamage {
  size_t offset = 0;
  size_t end = 0;
  std::string reason;  // Why the record at `offset` is not intact.
};

struct LogScan {
  std::vector<LogRecordSpan> records;  // Every intact record, in file order.
  std::vector<LogDamage> damage;       // Damaged regions, in file order.
  // Records before the first damage (all of them without damage).
  size_t records_before_damage = 0;

  bool damaged() const { return !damage.empty(); }
  // Intact records after the first damage: 0 means the damage is the tail.
  size_t records_after_damage() const { return records.size() - records_before_damage; }
};

// Why the record at `offset` of `data` is not intact, or "" when it is.
std::string CheckLogRecord(absl::string_view data, size_t offset);

// Scans `data` (a whole log file) from `start` (just after the magic).
LogScan ScanLogRecords(absl::string_view data, size_t start);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_STORAGE_LOG_SCAN_H_
