// IndexService on a coordinator: DeleteDocument publishes a tombstone to
// the document's shard stream (the cluster's log of record) and answers once
// JetStream acknowledged it; the replicas apply it like any message.
// NOT_FOUND when the log's last word on the id is not a live document (never
// written, or deleted already). Writes go through the ingest service:
// Write answers FAILED_PRECONDITION saying so.
#ifndef DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_INDEX_SERVICE_H_
#define DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_INDEX_SERVICE_H_

#include <cstdint>

#include "cluster/jetstream.h"
#include "docsearch/v1/index_service.grpc.pb.h"

namespace docsearch::query {

class ClusterIndexService final : public docsearch::v1::IndexService::CallbackService {
 public:
  // `jetstream` is not owned.
  ClusterIndexService(cluster::JetStream* jetstream, uint32_t shard_count)
      : jetstream_(jetstream), shard_count_(shard_count) {}

  grpc::ServerUnaryReactor* DeleteDocument(
      grpc::CallbackServerContext* context, const docsearch::v1::DeleteDocumentRequest* request,
      docsearch::v1::DeleteDocumentResponse* response) override;
  grpc::ServerBidiReactor<docsearch::v1::WriteRequest, docsearch::v1::WriteResponse>* Write(
      grpc::CallbackServerContext* context) override;

 private:
  cluster::JetStream* const jetstream_;
  const uint32_t shard_count_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_COORDINATOR_CLUSTER_INDEX_SERVICE_H_
