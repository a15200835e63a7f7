#include "query_service/server/index_service_impl.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"
#include "common/log.h"
#include "common/request_decoding.h"
#include "query_service/server/backup_stream.h"
#include "query_service/server/write_log.h"
#include "query_service/storage/backup_files.h"

namespace docsearch::query {

using docsearch::v1::WriteRequest;
using docsearch::v1::WriteResponse;

IndexServiceImpl::IndexServiceImpl(Indexer* indexer, const std::atomic<bool>* ready)
    : indexer_(indexer), ready_(ready) {
  const std::string service = docsearch::v1::IndexService::service_full_name();
  MarkMethodCallback(
      MethodIndex(service, "Write"),
      new grpc::internal::CallbackBidiHandler<grpc::ByteBuffer, WriteResponse>(
          [this](grpc::CallbackServerContext* context) { return WriteRaw(context); }));
  MarkMethodCallback(
      MethodIndex(service, "DeleteDocument"),
      new DecodingUnaryHandler<IndexServiceImpl, docsearch::v1::DeleteDocumentRequest,
                               docsearch::v1::DeleteDocumentResponse>(
          this, &IndexServiceImpl::DeleteDocument));
}

// One Write stream: read a batch, apply it, answer, read the next.
class IndexServiceImpl::WriteStream final
    : public grpc::ServerBidiReactor<grpc::ByteBuffer, WriteResponse> {
 public:
  WriteStream(IndexServiceImpl* owner, Indexer* indexer) : owner_(owner), indexer_(indexer) {}

  // Ends the stream DEADLINE_EXCEEDED unless a batch arrives within the
  // watch's timeout. Before Begin.
  void WatchFirstMessage(FirstMessageWatch* watch) {
    watch_ = watch;
    ticket_ = watch->Watch([this, timeout = watch->timeout()] {
      End(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                       absl::StrCat("no write batch within ", absl::FormatDuration(timeout),
                                    " of opening the stream (--first_message_timeout); open a "
                                    "stream when there is something to send")));
    });
  }

  void Begin() { StartRead(&raw_request_); }

  // Ends the stream with `status` unless it already ended. Thread-safe.
  void End(const grpc::Status& status) {
    {
      absl::MutexLock lock(&mu_);
      if (finished_) return;
      finished_ = true;
      // A batch on a background writer still uses this stream: the writer
      // finishes it when the batch is done (FinishBatch).
      if (applying_) {
        deferred_status_ = status;
        return;
      }
    }
    Finish(status);
  }

  void OnReadDone(bool ok) override {
    if (watch_ != nullptr && messages_read_ == 0) watch_->Received(ticket_);
    if (!ok) {  // The client closed its side (or the call broke).
      End(grpc::Status::OK);
      return;
    }
    ++messages_read_;
    // Values (unknown enums, NaN) are checked per document by the Indexer,
    // so one bad document fails alone.
    absl::Status decoded = DecodeRequest(raw_request_, &request_, /*check_values=*/false);
    if (!decoded.ok()) {
      // Nothing of this batch is applied (its batch id is unreadable too);
      // the stream ends so the client cannot take silence for success.
      End(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                       absl::StrCat("write message ", messages_read_, " of this stream: ",
                                    decoded.message(), "; the ", batches_applied_,
                                    " batches before it were applied and answered, nothing "
                                    "after it was read")));
      return;
    }
    BackgroundWriters* writers = owner_->writers_.get();
    if (writers == nullptr) {
      ApplyBatch();
      return;
    }
    {
      absl::MutexLock lock(&mu_);
      if (finished_) return;
      applying_ = true;
    }
    writers->Run([this] { ApplyBatch(); });
  }

  // Applies the batch read last and answers it (or ends the stream).
  void ApplyBatch() {
    absl::StatusOr<WriteResponse> response = indexer_->Write(request_);
    if (!response.ok()) {
      LogError(std::string("write batch failed: ") + std::string(response.status().message()));
    } else {
      LogWriteBatch(request_, *response);
      ++batches_applied_;
    }
    std::optional<grpc::Status> finish;
    {
      // Hold the lock across StartWrite so a concurrent End (shutdown)
      // either comes first, and the answer is not sent, or after.
      absl::MutexLock lock(&mu_);
      applying_ = false;
      if (finished_) {
        finish = deferred_status_;  // Ended while the batch was applied.
      } else if (!response.ok()) {
        finished_ = true;
        finish = ToGrpcStatus(response.status());
      } else {
        response_ = *std::move(response);
        StartWrite(&response_);
      }
    }
    // Outside the lock: OnDone may run (and delete this) once it is called.
    if (finish.has_value()) Finish(*finish);
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      End(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"));
      return;
    }
    absl::MutexLock lock(&mu_);
    if (finished_) return;
    StartRead(&raw_request_);
  }

  void OnCancel() override { End(grpc::Status::CANCELLED); }

  void OnDone() override {
    // After Forget the watch's callback is not running and never will.
    if (watch_ != nullptr) watch_->Forget(ticket_);
    owner_->Unregister(this);
    delete this;
  }

 private:
  IndexServiceImpl* const owner_;
  FirstMessageWatch* watch_ = nullptr;
  uint64_t ticket_ = 0;
  Indexer* const indexer_;
  grpc::ByteBuffer raw_request_;
  WriteRequest request_;  // Decoded from raw_request_.
  // Counted in OnReadDone only (one read at a time), for the error message.
  int64_t messages_read_ = 0;
  int64_t batches_applied_ = 0;
  WriteResponse response_;
  absl::Mutex mu_;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  // A batch is being applied on a background writer (OnReadDone to
  // ApplyBatch); End then leaves Finish, with this status, to ApplyBatch.
  bool applying_ ABSL_GUARDED_BY(mu_) = false;
  std::optional<grpc::Status> deferred_status_ ABSL_GUARDED_BY(mu_);
};

grpc::ServerBidiReactor<grpc::ByteBuffer, WriteResponse>* IndexServiceImpl::WriteRaw(
    grpc::CallbackServerContext* context) {
  auto* stream = new WriteStream(this, indexer_);
  if (!read_only_reason_.empty()) {
    {
      absl::MutexLock lock(&mu_);
      streams_.insert(stream);
    }
    stream->End(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, read_only_reason_));
    return stream;
  }
  {
    absl::MutexLock lock(&mu_);
    streams_.insert(stream);
    if (shutting_down_ || !ready_->load()) {
      stream->End(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                               shutting_down_
                                   ? "query service is shutting down"
                                   : "query service is recovering its log; retry shortly"));
      return stream;
    }
  }
  if (first_message_watch_ != nullptr) stream->WatchFirstMessage(first_message_watch_);
  stream->Begin();
  return stream;
}

void IndexServiceImpl::Unregister(WriteStream* stream) {
  absl::MutexLock lock(&mu_);
  streams_.erase(stream);
}

void IndexServiceImpl::BeginShutdown() {
  absl::MutexLock lock(&mu_);
  shutting_down_ = true;
  for (WriteStream* stream : streams_) {
    stream->End(grpc::Status(grpc::StatusCode::UNAVAILABLE, "query service is shutting down"));
  }
}

grpc::ServerUnaryReactor* IndexServiceImpl::DeleteDocument(
    grpc::CallbackServerContext* context, const docsearch::v1::DeleteDocumentRequest* request,
    docsearch::v1::DeleteDocumentResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (!ready_->load()) {
    reactor->Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE, "query service is not ready"));
    return reactor;
  }
  if (!read_only_reason_.empty()) {
    reactor->Finish(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, read_only_reason_));
    return reactor;
  }
  reactor->Finish(ToGrpcStatus(indexer_->Delete(request->id())));
  return reactor;
}

grpc::ServerUnaryReactor* IndexServiceImpl::CreateSnapshot(
    grpc::CallbackServerContext* context, const docsearch::v1::CreateSnapshotRequest* /*request*/,
    docsearch::v1::CreateSnapshotResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (!ready_->load()) {
    reactor->Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE, "query service is not ready"));
    return reactor;
  }
  if (snapshotter_ == nullptr) {
    reactor->Finish(NoDataDirStatus());
    return reactor;
  }
  absl::StatusOr<SnapshotReport> report = snapshotter_->TakeSnapshot();
  if (report.ok()) {
    response->set_generation(report->generation);
    response->set_bytes(report->bytes);
    response->set_document_count(static_cast<int64_t>(report->documents));
  }
  reactor->Finish(ToGrpcStatus(report.status()));
  return reactor;
}

grpc::ServerWriteReactor<docsearch::v1::StreamBackupResponse>* IndexServiceImpl::StreamBackup(
    grpc::CallbackServerContext* /*context*/,
    const docsearch::v1::StreamBackupRequest* /*request*/) {
  if (!ready_->load()) {
    return FailedBackupStream(
        grpc::Status(grpc::StatusCode::UNAVAILABLE, "query service is not ready"));
  }
  if (snapshotter_ == nullptr) return FailedBackupStream(NoDataDirStatus());
  absl::StatusOr<SnapshotReport> snapshot = snapshotter_->TakeSnapshot();
  if (!snapshot.ok()) return FailedBackupStream(ToGrpcStatus(snapshot.status()));
  absl::StatusOr<std::vector<std::unique_ptr<BackupFile>>> files =
      OpenBackupFiles(data_dir_, snapshot->generation);
  if (!files.ok()) return FailedBackupStream(ToGrpcStatus(files.status()));
  return StartBackupStream(*std::move(files), *snapshot);
}

}  // namespace docsearch::query
