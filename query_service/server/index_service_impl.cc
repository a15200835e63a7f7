#include "query_service/server/index_service_impl.h"

#include "common/grpc_status.h"
#include "common/log.h"

namespace docsearch::query {

using docsearch::v1::WriteRequest;
using docsearch::v1::WriteResponse;

// One Write stream: read a batch, apply it, answer, read the next.
class IndexServiceImpl::WriteStream final
    : public grpc::ServerBidiReactor<WriteRequest, WriteResponse> {
 public:
  WriteStream(IndexServiceImpl* owner, Indexer* indexer) : owner_(owner), indexer_(indexer) {}

  void Begin() { StartRead(&request_); }

  // Ends the stream with `status` unless it already ended. Thread-safe.
  void End(const grpc::Status& status) {
    {
      absl::MutexLock lock(&mu_);
      if (finished_) return;
      finished_ = true;
    }
    Finish(status);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {  // The client closed its side (or the call broke).
      End(grpc::Status::OK);
      return;
    }
    absl::StatusOr<WriteResponse> response = indexer_->Write(request_);
    if (!response.ok()) {
      LogError(std::string("write batch failed: ") + std::string(response.status().message()));
      End(ToGrpcStatus(response.status()));
      return;
    }
    // Hold the lock across StartWrite so a concurrent End (shutdown) either
    // comes first, and the answer is not sent, or after.
    absl::MutexLock lock(&mu_);
    if (finished_) return;
    response_ = *std::move(response);
    StartWrite(&response_);
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      End(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"));
      return;
    }
    absl::MutexLock lock(&mu_);
    if (finished_) return;
    StartRead(&request_);
  }

  void OnCancel() override { End(grpc::Status::CANCELLED); }

  void OnDone() override {
    owner_->Unregister(this);
    delete this;
  }

 private:
  IndexServiceImpl* const owner_;
  Indexer* const indexer_;
  WriteRequest request_;
  WriteResponse response_;
  absl::Mutex mu_;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
};

grpc::ServerBidiReactor<WriteRequest, WriteResponse>* IndexServiceImpl::Write(
    grpc::CallbackServerContext* context) {
  auto* stream = new WriteStream(this, indexer_);
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
  reactor->Finish(ToGrpcStatus(indexer_->Delete(request->id())));
  return reactor;
}

}  // namespace docsearch::query
