// A snapshot: every live document of the index (and the earlier versions
// kept of each) as of a log generation, so
// recovery loads it and replays only the logs from that generation on.
//
// On-disk format (docs/FORMATS.md), <data_dir>/snapshot-<gen>.snap:
//
//   magic    "DSSNAP\0\2" (8 bytes; the last byte is the format version)
//   header   u64le generation, u64le record count, u32le CRC-32C of the 16 bytes
//   record*  u32le length, u32le CRC-32C of the document, serialized Document
//   trailer  u64le record count, u32le CRC-32C of every byte before the
//            trailer, "DSSNPEND"
//
// Format 2 writes, before each live document, the earlier versions of its
// id still listed (query_service/index/version_history.h), oldest first, as
// ordinary records: loading the records in order replays the id's writes
// and rebuilds its history. Format 1 (one record per live document) is
// still read. The header and trailer count records, versions included.
//
// A snapshot is written to a .tmp file, fsynced, renamed into place and the
// directory fsynced, so a crash leaves either the whole snapshot or none
// (plus a .tmp file that recovery removes). The trailer makes a truncated
// or overwritten file detectable as a whole before any document is loaded.
//
// Thread safety: a SnapshotWriter is used by one thread at a time;
// ReadSnapshot is reentrant.
#ifndef DOCSEARCH_QUERY_SERVICE_STORAGE_SNAPSHOT_H_
#define DOCSEARCH_QUERY_SERVICE_STORAGE_SNAPSHOT_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::query {

struct SnapshotInfo {
  uint64_t generation = 0;
  uint64_t document_count = 0;
  int64_t bytes = 0;  // Size of the file.
};

// Builds a snapshot in memory (serialized, so adding is cheap enough to do
// inside a read of the index, which a write may be waiting for), then
// commits it to disk.
class SnapshotWriter {
 public:
  explicit SnapshotWriter(uint64_t generation);

  void Add(const docsearch::v1::Document& document);

  uint64_t document_count() const { return document_count_; }

  // Writes <directory>/snapshot-<generation>.snap atomically and durably.
  absl::StatusOr<SnapshotInfo> Commit(const std::string& directory);

 private:
  const uint64_t generation_;
  uint64_t document_count_ = 0;
  std::string records_;  // Framed documents.
};

// Reads and verifies the snapshot at `path` as a whole (magic, header,
// trailer, every record's checksum and the count) and only then calls `load`
// for each document in order, so a bad file loads nothing. DATA_LOSS naming
// the path and byte offset for any damage; an error from `load` is returned.
absl::StatusOr<SnapshotInfo> ReadSnapshot(
    const std::string& path,
    const std::function<absl::Status(docsearch::v1::Document document)>& load);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_STORAGE_SNAPSHOT_H_
