// The bad-request table of bad_requests_test.cc: one row per bad request,
// the call that sends it and the status it must get. The rows are kept by
// service in bad_requests_*.cc; the calls they share are here.
#ifndef DOCSEARCH_TESTS_INTEGRATION_BAD_REQUEST_TABLE_H_
#define DOCSEARCH_TESTS_INTEGRATION_BAD_REQUEST_TABLE_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace docsearch::testing {

struct Stubs {
  std::unique_ptr<v1::IngestService::Stub> ingest;
  std::unique_ptr<v1::IndexService::Stub> index;
  std::unique_ptr<v1::QueryService::Stub> query;
  std::unique_ptr<grpc::health::v1::Health::Stub> health;
};

struct BadRequest {
  std::string name;
  std::function<grpc::Status(Stubs&)> call;
  grpc::StatusCode code;
  std::string message_part;
};

// A function that appends a row to `rows`: add(name, call, code, part).
inline auto RowAdder(std::vector<BadRequest>& rows) {
  return [&rows](std::string name, std::function<grpc::Status(Stubs&)> call, grpc::StatusCode code,
                 std::string part) {
    rows.push_back({std::move(name), std::move(call), code, std::move(part)});
  };
}

// The rows, by service.
void AddIngestAndIndexRequests(std::vector<BadRequest>& rows);
void AddSearchRequests(std::vector<BadRequest>& rows);
void AddDocumentAndComparisonRequests(std::vector<BadRequest>& rows);

// Calls the rows share.
v1::SearchRequest SearchWith(std::function<void(v1::SearchRequest&)> fill);
grpc::Status Search(Stubs& stubs, const v1::SearchRequest& request);
grpc::Status Ingest(Stubs& stubs, const std::string& content);
// Writes one document straight to IndexService.Write and returns its
// outcome as a status (per-document outcomes travel in the response).
grpc::Status WriteOne(Stubs& stubs, const v1::Document& document);
v1::Document DatedDocument(int year, int month, int day);
grpc::Status IngestWithId(Stubs& stubs, const std::string& id);

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_INTEGRATION_BAD_REQUEST_TABLE_H_
