#include "query_service/coordinator/cluster_export.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/grpc_status.h"
#include "query_service/coordinator/cluster_bulk_reads.h"
#include "query_service/server/bulk_reads.h"

namespace docsearch::query {
namespace {

using docsearch::v1::ExportDocumentsRequest;
using docsearch::v1::ExportDocumentsResponse;

// Search names the token "page_token"; the export's caller knows it as
// resume_token (as server/bulk_reads.cc renames it).
absl::Status RenameTokenField(const absl::Status& status) {
  if (absl::StartsWith(status.message(), "page_token")) {
    return absl::Status(status.code(), absl::StrCat("resume_token", status.message().substr(10)));
  }
  return status;
}

class ClusterExportStream final : public grpc::ServerWriteReactor<ExportDocumentsResponse> {
 public:
  ClusterExportStream(ClusterSearch search, const ShardCaller* caller, int max_page_size,
                      const ExportDocumentsRequest& request, absl::Time call_deadline,
                      absl::Duration chunk_timeout)
      : search_(std::move(search)),
        caller_(caller),
        max_page_size_(max_page_size),
        request_(request),
        call_deadline_(call_deadline),
        chunk_timeout_(chunk_timeout),
        token_(request.resume_token()) {}

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
  // The chunk after token_, as server/bulk_reads.h's ExportChunk reads it
  // on one node.
  absl::StatusOr<ExportDocumentsResponse> ReadChunk() const {
    const absl::Time deadline = std::min(call_deadline_, absl::Now() + chunk_timeout_);
    docsearch::v1::SearchRequest search;
    if (request_.has_query()) *search.mutable_query() = request_.query();
    search.set_query_string(request_.query_string());
    search.set_sort(docsearch::v1::SORT_ORDER_PUBLISHED_ASC);
    search.set_page_size(std::min(kExportChunkDocuments, max_page_size_));
    search.set_page_token(token_);
    search.set_omit_snippets(true);
    search.set_exact_total(true);
    absl::StatusOr<docsearch::v1::SearchResponse> page = search_(search, deadline);
    if (!page.ok()) return RenameTokenField(page.status());
    ExportDocumentsResponse chunk;
    chunk.set_total_size(page->total_size());
    chunk.set_resume_token(page->next_page_token());
    if (page->hits().empty()) return chunk;
    docsearch::v1::BatchGetDocumentsRequest get;
    for (const docsearch::v1::SearchHit& hit : page->hits()) get.add_ids(hit.id());
    *get.mutable_field_mask() = request_.field_mask();
    absl::StatusOr<docsearch::v1::BatchGetDocumentsResponse> documents =
        BatchGetFromOwners(*caller_, get, max_page_size_, deadline);
    if (!documents.ok()) return documents.status();
    // In the page's order; one deleted since the page was read is not
    // exported, as on one node.
    *chunk.mutable_documents() = std::move(*documents->mutable_documents());
    return chunk;
  }

  void WriteNextChunk() {
    absl::StatusOr<ExportDocumentsResponse> chunk = ReadChunk();
    if (!chunk.ok()) {
      Finish(ToGrpcStatus(chunk.status()));
      return;
    }
    response_ = *std::move(chunk);
    token_ = response_.resume_token();
    StartWrite(&response_);
  }

  const ClusterSearch search_;
  const ShardCaller* const caller_;
  const int max_page_size_;
  const ExportDocumentsRequest request_;
  const absl::Time call_deadline_;
  const absl::Duration chunk_timeout_;
  std::string token_;
  ExportDocumentsResponse response_;
};

}  // namespace

grpc::ServerWriteReactor<ExportDocumentsResponse>* StartClusterExport(
    ClusterSearch search, const ShardCaller* caller, int max_page_size,
    const ExportDocumentsRequest& request, absl::Time call_deadline, absl::Duration chunk_timeout) {
  auto* stream = new ClusterExportStream(std::move(search), caller, max_page_size, request,
                                         call_deadline, chunk_timeout);
  stream->Begin();
  return stream;
}

}  // namespace docsearch::query
