#include "query_service/server/export_stream.h"

#include "common/grpc_status.h"
#include "query_service/server/bulk_reads.h"

namespace docsearch::query {
namespace {

using docsearch::v1::ExportDocumentsRequest;
using docsearch::v1::ExportDocumentsResponse;

// One export: read a chunk, write it, and only when the client has taken it
// read the next. One chunk in memory at a time, so a slow reader holds the
// server to its pace instead of filling memory.
class ExportStream final : public grpc::ServerWriteReactor<ExportDocumentsResponse> {
 public:
  ExportStream(const SearchIndex* index, const ExportDocumentsRequest& request)
      : index_(index), request_(request), token_(request.resume_token()) {}

  void Begin() {
    if (absl::Status mask = CheckDocumentFieldMask(request_.field_mask(), "field_mask");
        !mask.ok()) {
      Finish(ToGrpcStatus(mask));
      return;
    }
    WriteNextChunk();
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"));
      return;
    }
    if (token_.empty()) {
      Finish(grpc::Status::OK);
      return;
    }
    WriteNextChunk();
  }

  void OnDone() override { delete this; }

 private:
  void WriteNextChunk() {
    absl::StatusOr<ExportDocumentsResponse> chunk = ExportChunk(*index_, request_, token_);
    if (!chunk.ok()) {
      Finish(ToGrpcStatus(chunk.status()));
      return;
    }
    response_ = *std::move(chunk);
    token_ = response_.resume_token();
    StartWrite(&response_);
  }

  const SearchIndex* const index_;
  const ExportDocumentsRequest request_;
  std::string token_;
  ExportDocumentsResponse response_;
};

// Finishes at once with `status` (UNAVAILABLE while recovering).
class FailedExport final : public grpc::ServerWriteReactor<ExportDocumentsResponse> {
 public:
  explicit FailedExport(const grpc::Status& status) { Finish(status); }
  void OnDone() override { delete this; }
};

}  // namespace

grpc::ServerWriteReactor<ExportDocumentsResponse>* StartExport(
    const SearchIndex* index, const ExportDocumentsRequest& request) {
  auto* stream = new ExportStream(index, request);
  stream->Begin();
  return stream;
}

grpc::ServerWriteReactor<ExportDocumentsResponse>* FailedExportStream(const grpc::Status& status) {
  return new FailedExport(status);
}

}  // namespace docsearch::query
