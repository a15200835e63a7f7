#include "query_service/server/query_service_impl.h"

#include "common/budgeted_unary_call.h"
#include "common/grpc_status.h"
#include "common/request_decoding.h"
#include "query_service/server/bulk_reads.h"
#include "query_service/server/collapsed_search.h"
#include "query_service/server/export_stream.h"
#include "query_service/server/search_request_mapping.h"

namespace docsearch::query {

namespace {

template <typename Request, typename Response>
using Decoding = DecodingUnaryHandler<QueryServiceImpl, Request, Response>;

}  // namespace

QueryServiceImpl::QueryServiceImpl(const SearchIndex* index, const std::atomic<bool>* ready)
    : index_(index), ready_(ready), comparisons_(*index) {
  namespace v1 = docsearch::v1;
  const std::string service = v1::QueryService::service_full_name();
  MarkMethodCallback(
      MethodIndex(service, "Search"),
      new Decoding<v1::SearchRequest, v1::SearchResponse>(this, &QueryServiceImpl::Search));
  MarkMethodCallback(MethodIndex(service, "GetDocument"),
                     new Decoding<v1::GetDocumentRequest, v1::GetDocumentResponse>(
                         this, &QueryServiceImpl::GetDocument));
  MarkMethodCallback(MethodIndex(service, "GetIndexStats"),
                     new Decoding<v1::GetIndexStatsRequest, v1::GetIndexStatsResponse>(
                         this, &QueryServiceImpl::GetIndexStats));
  MarkMethodCallback(MethodIndex(service, "CompareDocuments"),
                     new Decoding<v1::CompareDocumentsRequest, v1::CompareDocumentsResponse>(
                         this, &QueryServiceImpl::CompareDocuments));
  MarkMethodCallback(MethodIndex(service, "FindSimilar"),
                     new Decoding<v1::FindSimilarRequest, v1::FindSimilarResponse>(
                         this, &QueryServiceImpl::FindSimilar));
  MarkMethodCallback(MethodIndex(service, "CompareSets"),
                     new Decoding<v1::CompareSetsRequest, v1::CompareSetsResponse>(
                         this, &QueryServiceImpl::CompareSets));
  MarkMethodCallback(MethodIndex(service, "TermTrend"),
                     new Decoding<v1::TermTrendRequest, v1::TermTrendResponse>(
                         this, &QueryServiceImpl::TermTrend));
  MarkMethodCallback(MethodIndex(service, "FindNearDuplicates"),
                     new Decoding<v1::FindNearDuplicatesRequest, v1::FindNearDuplicatesResponse>(
                         this, &QueryServiceImpl::FindNearDuplicates));
  MarkMethodCallback(MethodIndex(service, "ListVersions"),
                     new Decoding<v1::ListVersionsRequest, v1::ListVersionsResponse>(
                         this, &QueryServiceImpl::ListVersions));
  MarkMethodCallback(MethodIndex(service, "CompareVersions"),
                     new Decoding<v1::CompareVersionsRequest, v1::CompareVersionsResponse>(
                         this, &QueryServiceImpl::CompareVersions));
  MarkMethodCallback(MethodIndex(service, "FindPassageReuse"),
                     new Decoding<v1::FindPassageReuseRequest, v1::FindPassageReuseResponse>(
                         this, &QueryServiceImpl::FindPassageReuse));
  MarkMethodCallback(MethodIndex(service, "ListTwins"),
                     new Decoding<v1::ListTwinsRequest, v1::ListTwinsResponse>(
                         this, &QueryServiceImpl::ListTwins));
}

bool QueryServiceImpl::RefuseIfNotReady(grpc::ServerUnaryReactor* reactor) const {
  if (ready_->load()) return false;
  reactor->Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                               "query service is recovering its log; retry shortly"));
  return true;
}

grpc::ServerUnaryReactor* QueryServiceImpl::Search(grpc::CallbackServerContext* context,
                                                   const docsearch::v1::SearchRequest* request,
                                                   docsearch::v1::SearchResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  const ScopedRead read(write_budget_);
  const absl::Time started = absl::Now();
  absl::StatusOr<docsearch::v1::SearchResponse> result =
      request->collapse_duplicates() ? CollapsedSearchByRequest(*index_, *request)
                                     : SearchByRequest(*index_, *request);
  if (metrics_ != nullptr) metrics_->ObserveSearch(*request, absl::Now() - started);
  if (result.ok()) *response = *std::move(result);
  call.FinishResponse(*response, ToGrpcStatus(result.status()));
  return call.reactor();
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetDocument(
    grpc::CallbackServerContext* context, const docsearch::v1::GetDocumentRequest* request,
    docsearch::v1::GetDocumentResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  // A stored document is the one response whose size is known before it is
  // built: refusing it then means a flood of large GetDocuments never holds
  // more than the budget, not even for the moment of building.
  const int64_t expected = 2 * static_cast<int64_t>(index_->StoredBytes(request->id()));
  if (!call.ReserveAhead(expected)) {
    call.Finish(call.RefusalStatus(expected));
    return call.reactor();
  }
  const ScopedRead read(write_budget_);
  absl::StatusOr<docsearch::v1::Document> document = index_->Get(request->id());
  if (document.ok()) *response->mutable_document() = *std::move(document);
  call.FinishResponse(*response, ToGrpcStatus(document.status()));
  return call.reactor();
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetIndexStats(
    grpc::CallbackServerContext* context, const docsearch::v1::GetIndexStatsRequest* request,
    docsearch::v1::GetIndexStatsResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  *response = index_->Stats();
  response->set_raw_bytes(index_->Read(
      [](IndexSnapshot data) { return static_cast<int64_t>(data->documents().raw_bytes()); }));
  response->set_recovered_records(recovery_.records_replayed);
  response->set_recovered_snapshot_generation(static_cast<int64_t>(recovery_.snapshot_generation));
  response->set_recovered_snapshot_documents(recovery_.snapshot_documents);
  response->set_recovery_truncated_bytes(recovery_.bytes_truncated);
  response->set_recovery_seconds(recovery_.seconds);
  if (snapshotter_ != nullptr)
    response->set_log_bytes_since_snapshot(snapshotter_->LogBytesSinceSnapshot());
  call.FinishResponse(*response, grpc::Status::OK);
  return call.reactor();
}

namespace {

// Finishes `call` with `result`'s status, moving its value into
// `response` when OK.
template <typename Response>
void FinishWith(BudgetedUnaryCall& call, absl::StatusOr<Response> result, Response* response) {
  if (result.ok()) *response = *std::move(result);
  call.FinishResponse(*response, ToGrpcStatus(result.status()));
}

}  // namespace

grpc::ServerUnaryReactor* QueryServiceImpl::CompareDocuments(
    grpc::CallbackServerContext* context, const docsearch::v1::CompareDocumentsRequest* request,
    docsearch::v1::CompareDocumentsResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  FinishWith(call,
             TimedComparison("documents", [&] { return comparisons_.CompareDocuments(*request); }),
             response);
  return call.reactor();
}

grpc::ServerUnaryReactor* QueryServiceImpl::FindSimilar(
    grpc::CallbackServerContext* context, const docsearch::v1::FindSimilarRequest* request,
    docsearch::v1::FindSimilarResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  FinishWith(call, TimedComparison("similar", [&] { return comparisons_.FindSimilar(*request); }),
             response);
  return call.reactor();
}

grpc::ServerUnaryReactor* QueryServiceImpl::TermTrend(
    grpc::CallbackServerContext* context, const docsearch::v1::TermTrendRequest* request,
    docsearch::v1::TermTrendResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  FinishWith(call, TimedComparison("trend", [&] { return comparisons_.TermTrend(*request); }),
             response);
  return call.reactor();
}

grpc::ServerUnaryReactor* QueryServiceImpl::CompareSets(
    grpc::CallbackServerContext* context, const docsearch::v1::CompareSetsRequest* request,
    docsearch::v1::CompareSetsResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  FinishWith(call, TimedComparison("sets", [&] { return comparisons_.CompareSets(*request); }),
             response);
  return call.reactor();
}

grpc::ServerUnaryReactor* QueryServiceImpl::FindNearDuplicates(
    grpc::CallbackServerContext* context, const docsearch::v1::FindNearDuplicatesRequest* request,
    docsearch::v1::FindNearDuplicatesResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  FinishWith(
      call,
      TimedComparison("near_duplicates", [&] { return comparisons_.FindNearDuplicates(*request); }),
      response);
  return call.reactor();
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListVersions(
    grpc::CallbackServerContext* context, const docsearch::v1::ListVersionsRequest* request,
    docsearch::v1::ListVersionsResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  FinishWith(call, TimedComparison("versions", [&] { return comparisons_.ListVersions(*request); }),
             response);
  return call.reactor();
}

grpc::ServerUnaryReactor* QueryServiceImpl::CompareVersions(
    grpc::CallbackServerContext* context, const docsearch::v1::CompareVersionsRequest* request,
    docsearch::v1::CompareVersionsResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  FinishWith(
      call,
      TimedComparison("compare_versions", [&] { return comparisons_.CompareVersions(*request); }),
      response);
  return call.reactor();
}

grpc::ServerUnaryReactor* QueryServiceImpl::FindPassageReuse(
    grpc::CallbackServerContext* context, const docsearch::v1::FindPassageReuseRequest* request,
    docsearch::v1::FindPassageReuseResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  FinishWith(
      call,
      TimedComparison("passage_reuse", [&] { return comparisons_.FindPassageReuse(*request); }),
      response);
  return call.reactor();
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListTwins(
    grpc::CallbackServerContext* context, const docsearch::v1::ListTwinsRequest* request,
    docsearch::v1::ListTwinsResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  FinishWith(call, TimedComparison("twins", [&] { return comparisons_.ListTwins(*request); }),
             response);
  return call.reactor();
}

grpc::ServerWriteReactor<docsearch::v1::ExportDocumentsResponse>* QueryServiceImpl::ExportDocuments(
    grpc::CallbackServerContext* /*context*/,
    const docsearch::v1::ExportDocumentsRequest* request) {
  if (!ready_->load()) {
    return FailedExportStream(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                           "query service is recovering its log; retry shortly"));
  }
  return StartExport(index_, *request);
}

grpc::ServerUnaryReactor* QueryServiceImpl::BatchGetDocuments(
    grpc::CallbackServerContext* context, const docsearch::v1::BatchGetDocumentsRequest* request,
    docsearch::v1::BatchGetDocumentsResponse* response) {
  BudgetedUnaryCall call(context, response_budget_);
  if (RefuseIfNotReady(call.reactor())) return call.reactor();
  const ScopedRead read(write_budget_);
  absl::StatusOr<docsearch::v1::BatchGetDocumentsResponse> result =
      query::BatchGetDocuments(*index_, *request);
  if (result.ok()) *response = *std::move(result);
  call.FinishResponse(*response, ToGrpcStatus(result.status()));
  return call.reactor();
}

}  // namespace docsearch::query
