// QueryService's version and passage-reuse RPCs (ListVersions,
// CompareVersions, FindPassageReuse), beside the other methods of
// QueryServiceImpl.
#include "common/grpc_status.h"
#include "query_service/server/query_service_impl.h"

namespace docsearch::query {
namespace {

template <typename Response>
void FinishVersionCall(BudgetedUnaryReactor* reactor, absl::StatusOr<Response> result,
                       Response* response) {
  if (result.ok()) *response = *std::move(result);
  reactor->FinishResponse(*response, ToGrpcStatus(result.status()));
}

}  // namespace

grpc::ServerUnaryReactor* QueryServiceImpl::ListVersions(
    grpc::CallbackServerContext* /*context*/, const docsearch::v1::ListVersionsRequest* request,
    docsearch::v1::ListVersionsResponse* response) {
  BudgetedUnaryReactor* reactor = NewReactor();
  if (RefuseIfNotReady(reactor)) return reactor;
  FinishVersionCall(
      reactor, TimedComparison("versions", [&] { return comparisons_.ListVersions(*request); }),
      response);
  return reactor;
}

grpc::ServerUnaryReactor* QueryServiceImpl::CompareVersions(
    grpc::CallbackServerContext* /*context*/, const docsearch::v1::CompareVersionsRequest* request,
    docsearch::v1::CompareVersionsResponse* response) {
  BudgetedUnaryReactor* reactor = NewReactor();
  if (RefuseIfNotReady(reactor)) return reactor;
  FinishVersionCall(
      reactor,
      TimedComparison("compare_versions", [&] { return comparisons_.CompareVersions(*request); }),
      response);
  return reactor;
}

grpc::ServerUnaryReactor* QueryServiceImpl::FindPassageReuse(
    grpc::CallbackServerContext* /*context*/, const docsearch::v1::FindPassageReuseRequest* request,
    docsearch::v1::FindPassageReuseResponse* response) {
  BudgetedUnaryReactor* reactor = NewReactor();
  if (RefuseIfNotReady(reactor)) return reactor;
  FinishVersionCall(
      reactor,
      TimedComparison("passage_reuse", [&] { return comparisons_.FindPassageReuse(*request); }),
      response);
  return reactor;
}

}  // namespace docsearch::query
