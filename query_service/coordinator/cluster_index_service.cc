#include "query_service/coordinator/cluster_index_service.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cluster/document_log_message.h"
#include "cluster/shard_router.h"
#include "common/document_id.h"
#include "common/grpc_status.h"
#include "common/utf8_text.h"

namespace docsearch::query {

grpc::ServerUnaryReactor* ClusterIndexService::DeleteDocument(
    grpc::CallbackServerContext* context, const docsearch::v1::DeleteDocumentRequest* request,
    docsearch::v1::DeleteDocumentResponse* /*response*/) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  const std::string& id = request->id();
  if (id.empty() || id.size() > kMaxDocumentIdBytes) {
    reactor->Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                 absl::StrCat("id must be 1..", kMaxDocumentIdBytes, " bytes")));
    return reactor;
  }
  const uint32_t shard = cluster::ShardOf(id, shard_count_);
  const std::string stream = cluster::StreamName(shard);
  cluster::OutgoingMessage tombstone = cluster::DeleteMessage(shard, id);
  // The log decides whether the document exists, not a replica that may lag.
  absl::StatusOr<std::optional<cluster::StreamMessage>> last =
      jetstream_->LastMessageOf(stream, tombstone.subject);
  if (!last.ok()) {
    reactor->Finish(ToGrpcStatus(last.status()));
    return reactor;
  }
  if (!last->has_value() || (*last)->operation == cluster::kDeleteOperation) {
    reactor->Finish(
        grpc::Status(grpc::StatusCode::NOT_FOUND,
                     absl::StrCat("no document with id '", TruncatedForMessage(id), "'")));
    return reactor;
  }
  absl::Duration timeout = absl::Seconds(30);
  if (context->deadline() != std::chrono::system_clock::time_point::max()) {
    timeout = absl::FromChrono(context->deadline()) - absl::Now();
  }
  absl::StatusOr<cluster::PublishAck> ack = jetstream_->Publish(tombstone, timeout);
  reactor->Finish(ToGrpcStatus(ack.status()));
  return reactor;
}

grpc::ServerBidiReactor<docsearch::v1::WriteRequest, docsearch::v1::WriteResponse>*
ClusterIndexService::Write(grpc::CallbackServerContext* context) {
  class Refusal final
      : public grpc::ServerBidiReactor<docsearch::v1::WriteRequest, docsearch::v1::WriteResponse> {
   public:
    Refusal() {
      Finish(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                          "this is a coordinator: write through the ingest service (--nats), which "
                          "publishes to the shards' streams"));
    }
    void OnDone() override { delete this; }
  };
  return new Refusal();
}

}  // namespace docsearch::query
