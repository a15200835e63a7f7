// Every RPC, sent bad input, answers with the right status code and a
// message naming the problem; and the services keep serving afterwards.
// Table-driven: one row per bad request (bad_request_table.h).
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/bad_request_table.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

using ::testing::HasSubstr;

std::vector<BadRequest> BadRequests() {
  std::vector<BadRequest> rows;
  AddIngestAndIndexRequests(rows);
  AddSearchRequests(rows);
  AddDocumentAndComparisonRequests(rows);
  return rows;
}

TEST(BadRequests, EveryRpcAnswersWithAPreciseStatusAndKeepsServing) {
  const std::string work_dir = ::testing::TempDir() + "/bad_requests_" + std::to_string(getpid());
  std::filesystem::create_directories(work_dir);
  auto query =
      ServiceProcess::Start(DOCSEARCH_QUERY_SERVICE_BINARY,
                            {"--listen=127.0.0.1:0", "--data_dir=" + work_dir + "/data"}, work_dir);
  ASSERT_TRUE(query.ok()) << query.status();
  auto ingest =
      ServiceProcess::Start(DOCSEARCH_INGEST_SERVICE_BINARY,
                            {"--listen=127.0.0.1:0", "--query_service=" + query->address(),
                             "--max_document_bytes=65536", "--max_message_bytes=262144"},
                            work_dir);
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  Stubs stubs;
  auto query_channel = grpc::CreateChannel(query->address(), grpc::InsecureChannelCredentials());
  stubs.ingest = v1::IngestService::NewStub(
      grpc::CreateChannel(ingest->address(), grpc::InsecureChannelCredentials()));
  stubs.index = v1::IndexService::NewStub(query_channel);
  stubs.query = v1::QueryService::NewStub(query_channel);
  stubs.health = grpc::health::v1::Health::NewStub(query_channel);

  const std::vector<BadRequest> rows = BadRequests();
  for (const BadRequest& row : rows) {
    SCOPED_TRACE(row.name);
    grpc::Status status = row.call(stubs);
    EXPECT_EQ(status.error_code(), row.code) << status.error_message();
    EXPECT_THAT(status.error_message(), HasSubstr(row.message_part));
  }
  std::cout << rows.size() << " bad requests tried\n";

  // Still serving: a good document goes in and is found.
  ASSERT_TRUE(
      Ingest(stubs,
             "Updated: 07-Dec-2001 NATO Press Statement\n\n7 Dec. 2001\n\nTitle\n\nBody text here.")
          .ok());
  grpc::ClientContext context;
  v1::GetIndexStatsResponse stats;
  ASSERT_TRUE(stubs.query->GetIndexStats(&context, {}, &stats).ok());
  EXPECT_EQ(stats.document_count(), 1);
  std::filesystem::remove_all(work_dir);
}

}  // namespace
}  // namespace docsearch::testing
