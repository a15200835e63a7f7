#include "query_service/server/query_service_impl.h"

#include "common/grpc_status.h"

namespace docsearch::query {

bool QueryServiceImpl::RefuseIfNotReady(grpc::ServerUnaryReactor* reactor) const {
  if (ready_->load()) return false;
  reactor->Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                               "query service is recovering its log; retry shortly"));
  return true;
}

grpc::ServerUnaryReactor* QueryServiceImpl::Search(grpc::CallbackServerContext* context,
                                                   const docsearch::v1::SearchRequest* request,
                                                   docsearch::v1::SearchResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (RefuseIfNotReady(reactor)) return reactor;
  absl::StatusOr<docsearch::v1::SearchResponse> result = index_->Search(*request);
  if (result.ok()) *response = *std::move(result);
  reactor->Finish(ToGrpcStatus(result.status()));
  return reactor;
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetDocument(
    grpc::CallbackServerContext* context, const docsearch::v1::GetDocumentRequest* request,
    docsearch::v1::GetDocumentResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (RefuseIfNotReady(reactor)) return reactor;
  absl::StatusOr<docsearch::v1::Document> document = index_->Get(request->id());
  if (document.ok()) *response->mutable_document() = *std::move(document);
  reactor->Finish(ToGrpcStatus(document.status()));
  return reactor;
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetIndexStats(
    grpc::CallbackServerContext* context, const docsearch::v1::GetIndexStatsRequest* request,
    docsearch::v1::GetIndexStatsResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (RefuseIfNotReady(reactor)) return reactor;
  *response = index_->Stats();
  response->set_recovered_records(recovery_.records_replayed);
  response->set_recovered_snapshot_generation(static_cast<int64_t>(recovery_.snapshot_generation));
  response->set_recovered_snapshot_documents(recovery_.snapshot_documents);
  response->set_recovery_truncated_bytes(recovery_.bytes_truncated);
  response->set_recovery_seconds(recovery_.seconds);
  if (snapshotter_ != nullptr)
    response->set_log_bytes_since_snapshot(snapshotter_->LogBytesSinceSnapshot());
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

namespace {

// Finishes `reactor` with `result`'s status, moving its value into
// `response` when OK.
template <typename Response>
void FinishWith(grpc::ServerUnaryReactor* reactor, absl::StatusOr<Response> result,
                Response* response) {
  if (result.ok()) *response = *std::move(result);
  reactor->Finish(ToGrpcStatus(result.status()));
}

}  // namespace

grpc::ServerUnaryReactor* QueryServiceImpl::CompareDocuments(
    grpc::CallbackServerContext* context, const docsearch::v1::CompareDocumentsRequest* request,
    docsearch::v1::CompareDocumentsResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (RefuseIfNotReady(reactor)) return reactor;
  FinishWith(reactor, comparisons_.CompareDocuments(*request), response);
  return reactor;
}

grpc::ServerUnaryReactor* QueryServiceImpl::FindSimilar(
    grpc::CallbackServerContext* context, const docsearch::v1::FindSimilarRequest* request,
    docsearch::v1::FindSimilarResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (RefuseIfNotReady(reactor)) return reactor;
  FinishWith(reactor, comparisons_.FindSimilar(*request), response);
  return reactor;
}

grpc::ServerUnaryReactor* QueryServiceImpl::TermTrend(
    grpc::CallbackServerContext* context, const docsearch::v1::TermTrendRequest* request,
    docsearch::v1::TermTrendResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (RefuseIfNotReady(reactor)) return reactor;
  FinishWith(reactor, comparisons_.TermTrend(*request), response);
  return reactor;
}

grpc::ServerUnaryReactor* QueryServiceImpl::CompareSets(
    grpc::CallbackServerContext* context, const docsearch::v1::CompareSetsRequest* request,
    docsearch::v1::CompareSetsResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (RefuseIfNotReady(reactor)) return reactor;
  FinishWith(reactor, comparisons_.CompareSets(*request), response);
  return reactor;
}

grpc::ServerUnaryReactor* QueryServiceImpl::FindNearDuplicates(
    grpc::CallbackServerContext* context, const docsearch::v1::FindNearDuplicatesRequest* request,
    docsearch::v1::FindNearDuplicatesResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (RefuseIfNotReady(reactor)) return reactor;
  FinishWith(reactor, comparisons_.FindNearDuplicates(*request), response);
  return reactor;
}

}  // namespace docsearch::query
