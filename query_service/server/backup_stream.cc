#include "query_service/server/backup_stream.h"

#include <memory>
#include <utility>
#include <vector>

#include "common/crc32c.h"
#include "common/grpc_status.h"
#include "common/log.h"

namespace docsearch::query {
namespace {

using docsearch::v1::StreamBackupResponse;

constexpr size_t kBackupChunkBytes = 1 << 20;

// Streams the files one chunk at a time; the next chunk is read when the
// client has taken the previous one.
class BackupStream final : public grpc::ServerWriteReactor<StreamBackupResponse> {
 public:
  BackupStream(std::vector<std::unique_ptr<BackupFile>> files, const SnapshotReport& snapshot)
      : files_(std::move(files)), snapshot_(snapshot) {}

  void Begin() { WriteNext(); }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"));
      return;
    }
    WriteNext();
  }

  void OnDone() override { delete this; }

 private:
  void WriteNext() {
    if (current_ == files_.size()) {
      LogInfo(absl::StrCat("backup: snapshot generation ", snapshot_.generation, " and ",
                           files_.size() - 1, " logs sent"));
      Finish(grpc::Status::OK);
      return;
    }
    BackupFile& file = *files_[current_];
    absl::StatusOr<std::string> data = file.Read(kBackupChunkBytes);
    if (!data.ok()) {
      Finish(ToGrpcStatus(data.status()));
      return;
    }
    response_.Clear();
    response_.set_file_name(file.name());
    response_.set_snapshot_generation(snapshot_.generation);
    response_.set_snapshot_document_count(static_cast<int64_t>(snapshot_.documents));
    crc_ = Crc32c(*data, crc_);
    size_ += static_cast<int64_t>(data->size());
    // A short read is not the end (the newest log may be growing); only an
    // empty one is, so every file ends with one chunk that says so.
    if (data->empty()) {
      response_.set_last_chunk(true);
      response_.set_file_size(size_);
      response_.set_crc32c(crc_);
      ++current_;
      crc_ = 0;
      size_ = 0;
    } else {
      response_.set_data(*std::move(data));
    }
    StartWrite(&response_);
  }

  std::vector<std::unique_ptr<BackupFile>> files_;
  const SnapshotReport snapshot_;
  size_t current_ = 0;
  uint32_t crc_ = 0;
  int64_t size_ = 0;
  StreamBackupResponse response_;
};

class FailedBackup final : public grpc::ServerWriteReactor<StreamBackupResponse> {
 public:
  explicit FailedBackup(const grpc::Status& status) { Finish(status); }
  void OnDone() override { delete this; }
};

}  // namespace

const grpc::Status& NoDataDirStatus() {
  static const grpc::Status kStatus(grpc::StatusCode::FAILED_PRECONDITION,
                                    "this query service keeps everything in memory (no "
                                    "--data_dir): there is nothing to snapshot or back up");
  return kStatus;
}

grpc::ServerWriteReactor<StreamBackupResponse>* StartBackupStream(
    std::vector<std::unique_ptr<BackupFile>> files, const SnapshotReport& snapshot) {
  auto* stream = new BackupStream(std::move(files), snapshot);
  stream->Begin();
  return stream;
}

grpc::ServerWriteReactor<StreamBackupResponse>* FailedBackupStream(const grpc::Status& status) {
  return new FailedBackup(status);
}

}  // namespace docsearch::query
