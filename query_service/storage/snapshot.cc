#include "query_service/storage/snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "absl/base/internal/endian.h"
#include "absl/strings/str_cat.h"
#include "common/crc32c.h"
#include "query_service/storage/log_files.h"

namespace docsearch::query {
namespace {

// Format 2 may hold several records of one id (earlier versions first,
// version_history.h); format 1 holds one per id. Both read the same way.
constexpr absl::string_view kMagic("DSSNAP\0\2", 8);
constexpr absl::string_view kMagicFormat1("DSSNAP\0\1", 8);
constexpr absl::string_view kEndMagic("DSSNPEND", 8);
constexpr size_t kHeaderBytes = 8 + 8 + 4;
constexpr size_t kRecordHeaderBytes = 4 + 4;
constexpr size_t kTrailerBytes = 8 + 4 + 8;
// A document larger than this is taken as corruption, not allocated.
constexpr uint32_t kMaxDocumentBytes = 1u << 30;

std::string Header(uint64_t generation, uint64_t document_count) {
  std::string header(kHeaderBytes, '\0');
  absl::little_endian::Store64(header.data(), generation);
  absl::little_endian::Store64(header.data() + 8, document_count);
  absl::little_endian::Store32(header.data() + 16, Crc32c(absl::string_view(header).substr(0, 16)));
  return header;
}

absl::Status Damaged(const std::string& path, size_t offset, absl::string_view what) {
  return absl::DataLossError(
      absl::StrCat("snapshot ", path, " is damaged at byte ", offset, ": ", what));
}

}  // namespace

SnapshotWriter::SnapshotWriter(uint64_t generation) : generation_(generation) {}

void SnapshotWriter::Add(const docsearch::v1::Document& document) {
  const size_t start = records_.size();
  records_.resize(start + kRecordHeaderBytes);
  document.AppendToString(&records_);
  const absl::string_view body = absl::string_view(records_).substr(start + kRecordHeaderBytes);
  absl::little_endian::Store32(records_.data() + start, static_cast<uint32_t>(body.size()));
  absl::little_endian::Store32(records_.data() + start + 4, Crc32c(body));
  ++document_count_;
}

absl::StatusOr<SnapshotInfo> SnapshotWriter::Commit(const std::string& directory) {
  const std::string path = SnapshotPath(directory, generation_);
  const std::string temporary = path + ".tmp";
  const std::string header = Header(generation_, document_count_);
  uint32_t crc = Crc32c(kMagic);
  crc = Crc32c(header, crc);
  crc = Crc32c(records_, crc);
  std::string trailer(kTrailerBytes, '\0');
  absl::little_endian::Store64(trailer.data(), document_count_);
  absl::little_endian::Store32(trailer.data() + 8, crc);
  trailer.replace(12, kEndMagic.size(), kEndMagic.data(), kEndMagic.size());

  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus("cannot create", temporary);
  absl::Status status = WriteAll(fd, kMagic, temporary);
  if (status.ok()) status = WriteAll(fd, header, temporary);
  if (status.ok()) status = WriteAll(fd, records_, temporary);
  if (status.ok()) status = WriteAll(fd, trailer, temporary);
  if (status.ok() && ::fdatasync(fd) != 0) status = ErrnoStatus("cannot sync", temporary);
  ::close(fd);
  // Only a complete, durable file gets the real name; the rename is atomic.
  if (status.ok() && ::rename(temporary.c_str(), path.c_str()) != 0) {
    status = ErrnoStatus("cannot rename into", path);
  }
  if (!status.ok()) {
    ::unlink(temporary.c_str());
    return status;
  }
  if (absl::Status synced = SyncDirectory(directory); !synced.ok()) return synced;
  SnapshotInfo info;
  info.generation = generation_;
  info.document_count = document_count_;
  info.bytes =
      static_cast<int64_t>(kMagic.size() + header.size() + records_.size() + trailer.size());
  return info;
}

absl::StatusOr<SnapshotInfo> ReadSnapshot(
    const std::string& path,
    const std::function<absl::Status(docsearch::v1::Document document)>& load) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open", path);
  absl::StatusOr<std::string> contents = ReadToEnd(fd, path);
  ::close(fd);
  if (!contents.ok()) return contents.status();
  const absl::string_view data(*contents);
  if (data.size() < kMagic.size() + kHeaderBytes + kTrailerBytes) {
    return Damaged(path, data.size(), "shorter than an empty snapshot (truncated)");
  }
  const absl::string_view magic = data.substr(0, kMagic.size());
  if (magic != kMagic && magic != kMagicFormat1) return Damaged(path, 0, "bad magic");
  const absl::string_view header = data.substr(kMagic.size(), kHeaderBytes);
  if (Crc32c(header.substr(0, 16)) != absl::little_endian::Load32(header.data() + 16)) {
    return Damaged(path, kMagic.size(), "header checksum mismatch");
  }
  SnapshotInfo info;
  info.generation = absl::little_endian::Load64(header.data());
  info.document_count = absl::little_endian::Load64(header.data() + 8);
  info.bytes = static_cast<int64_t>(data.size());
  const size_t trailer_offset = data.size() - kTrailerBytes;
  const absl::string_view trailer = data.substr(trailer_offset);
  if (trailer.substr(12) != kEndMagic) {
    return Damaged(path, trailer_offset, "no end marker (truncated)");
  }
  if (absl::little_endian::Load64(trailer.data()) != info.document_count ||
      Crc32c(data.substr(0, trailer_offset)) != absl::little_endian::Load32(trailer.data() + 8)) {
    return Damaged(path, trailer_offset, "file checksum or count mismatch");
  }
  // The whole-file checksum matched; walk the records, checking each frame
  // too, before loading anything.
  std::vector<absl::string_view> documents;
  documents.reserve(info.document_count < (1u << 24) ? info.document_count : 0);
  size_t offset = kMagic.size() + kHeaderBytes;
  while (offset < trailer_offset) {
    if (trailer_offset - offset < kRecordHeaderBytes) return Damaged(path, offset, "torn record");
    const uint32_t length = absl::little_endian::Load32(data.data() + offset);
    const uint32_t crc = absl::little_endian::Load32(data.data() + offset + 4);
    if (length > kMaxDocumentBytes || trailer_offset - offset - kRecordHeaderBytes < length) {
      return Damaged(path, offset, "record length runs past the end");
    }
    const absl::string_view body = data.substr(offset + kRecordHeaderBytes, length);
    if (Crc32c(body) != crc) return Damaged(path, offset, "record checksum mismatch");
    documents.push_back(body);
    offset += kRecordHeaderBytes + length;
  }
  if (documents.size() != info.document_count) {
    return Damaged(
        path, offset,
        absl::StrCat("holds ", documents.size(), " documents, header says ", info.document_count));
  }
  offset = kMagic.size() + kHeaderBytes;
  for (absl::string_view body : documents) {
    docsearch::v1::Document document;
    if (!document.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
      return Damaged(path, offset, "undecodable document");
    }
    if (absl::Status loaded = load(std::move(document)); !loaded.ok()) return loaded;
    offset += kRecordHeaderBytes + body.size();
  }
  return info;
}

}  // namespace docsearch::query
