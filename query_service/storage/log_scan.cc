#include "query_service/storage/log_scan.h"

#include "absl/base/internal/endian.h"
#include "absl/strings/str_cat.h"
#include "common/crc32c.h"

namespace docsearch::query {
namespace {

// CheckLogRecord(data, offset).empty(), cheapest tests first: this runs at
// every byte offset of a damaged region.
bool IsIntact(absl::string_view data, size_t offset) {
  if (offset > data.size() || data.size() - offset < kLogRecordHeaderBytes) return false;
  const uint8_t type = static_cast<uint8_t>(data[offset + 8]);
  if (type != static_cast<uint8_t>(LogRecordType::kUpsertBatch) &&
      type != static_cast<uint8_t>(LogRecordType::kDelete)) {
    return false;
  }
  const uint32_t length = absl::little_endian::Load32(data.data() + offset);
  if (length > kMaxLogRecordBytes || data.size() - offset - kLogRecordHeaderBytes < length)
    return false;
  return Crc32c(data.substr(offset + 8, 1 + length)) ==
         absl::little_endian::Load32(data.data() + offset + 4);
}

// The offset of the first intact record after the damaged one at `offset`,
// or data.size().
size_t NextIntactRecord(absl::string_view data, size_t offset) {
  if (data.size() - offset >= kLogRecordHeaderBytes) {
    const uint32_t length = absl::little_endian::Load32(data.data() + offset);
    if (length <= kMaxLogRecordBytes && data.size() - offset - kLogRecordHeaderBytes >= length) {
      const size_t next = offset + kLogRecordHeaderBytes + length;
      if (IsIntact(data, next)) return next;
    }
  }
  for (size_t candidate = offset + 1; candidate + kLogRecordHeaderBytes <= data.size();
       ++candidate) {
    if (IsIntact(data, candidate)) return candidate;
  }
  return data.size();
}

}  // namespace

absl::StatusOr<WalRecoveryMode> ParseWalRecoveryMode(absl::string_view name) {
  if (name == "strict") return WalRecoveryMode::kStrict;
  if (name == "point_in_time") return WalRecoveryMode::kPointInTime;
  if (name == "skip_corrupted") return WalRecoveryMode::kSkipCorrupted;
  return absl::InvalidArgumentError(absl::StrCat(
      "--wal_recovery=", name, " is not one of strict, point_in_time, skip_corrupted"));
}

absl::string_view WalRecoveryModeName(WalRecoveryMode mode) {
  switch (mode) {
    case WalRecoveryMode::kStrict:
      return "strict";
    case WalRecoveryMode::kPointInTime:
      return "point_in_time";
    case WalRecoveryMode::kSkipCorrupted:
      return "skip_corrupted";
  }
  return "unknown";
}

std::string CheckLogRecord(absl::string_view data, size_t offset) {
  if (data.size() - offset < kLogRecordHeaderBytes) return "incomplete record header";
  const uint32_t length = absl::little_endian::Load32(data.data() + offset);
  if (length > kMaxLogRecordBytes) return absl::StrCat("record length ", length, " is implausible");
  if (data.size() - offset - kLogRecordHeaderBytes < length)
    return "record runs past the end of the file";
  const absl::string_view typed = data.substr(offset + 8, 1 + length);
  if (Crc32c(typed) != absl::little_endian::Load32(data.data() + offset + 4))
    return "record checksum mismatch";
  const auto type = static_cast<LogRecordType>(typed[0]);
  if (type != LogRecordType::kUpsertBatch && type != LogRecordType::kDelete)
    return absl::StrCat("unknown record type ", static_cast<int>(typed[0]));
  return "";
}

LogScan ScanLogRecords(absl::string_view data, size_t start) {
  LogScan scan;
  size_t offset = start;
  while (offset < data.size()) {
    std::string damage = CheckLogRecord(data, offset);
    if (!damage.empty()) {
      if (scan.damage.empty()) scan.records_before_damage = scan.records.size();
      const size_t next = NextIntactRecord(data, offset);
      scan.damage.push_back(LogDamage{offset, next, std::move(damage)});
      offset = next;
      continue;
    }
    LogRecordSpan record;
    record.offset = offset;
    record.length = absl::little_endian::Load32(data.data() + offset);
    record.type = static_cast<LogRecordType>(data[offset + 8]);
    scan.records.push_back(record);
    offset = record.end();
  }
  if (scan.damage.empty()) scan.records_before_damage = scan.records.size();
  return scan;
}

}  // namespace docsearch::query
