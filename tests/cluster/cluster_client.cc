#include "tests/cluster/cluster_client.h"

#include <grpcpp/create_channel.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"

namespace docsearch::testing {
namespace fs = std::filesystem;

namespace {

std::shared_ptr<grpc::Channel> ChannelTo(const std::string& address) {
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(-1);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), arguments);
}

}  // namespace

std::vector<docsearch::v1::RawDocument> LoadDevelopmentCorpus(const std::string& corpus_dir) {
  std::vector<fs::path> files;
  for (const char* folder : {"seeds", "nato-dev/docs", "statements-dev/docs"}) {
    const fs::path dir = fs::path(corpus_dir) / folder;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<docsearch::v1::RawDocument> documents;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    docsearch::v1::RawDocument& document = documents.emplace_back();
    document.set_content(content.str());
    document.set_source_uri(fs::relative(file, corpus_dir).string());
  }
  return documents;
}

absl::StatusOr<std::vector<docsearch::v1::IngestDocumentResponse>> IngestAll(
    const std::string& ingest_address, const std::vector<docsearch::v1::RawDocument>& documents) {
  auto stub = docsearch::v1::IngestService::NewStub(ChannelTo(ingest_address));
  std::vector<docsearch::v1::IngestDocumentResponse> responses;
  for (const docsearch::v1::RawDocument& document : documents) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    docsearch::v1::IngestDocumentRequest request;
    *request.mutable_document() = document;
    docsearch::v1::IngestDocumentResponse response;
    grpc::Status status = stub->IngestDocument(&context, request, &response);
    if (!status.ok()) {
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          absl::StrCat(document.source_uri(), ": ", status.error_message()));
    }
    responses.push_back(std::move(response));
  }
  return responses;
}

absl::StatusOr<docsearch::v1::SearchResponse> SearchAt(const std::string& address,
                                                       const docsearch::v1::SearchRequest& request,
                                                       absl::Duration deadline) {
  auto stub = docsearch::v1::QueryService::NewStub(ChannelTo(address));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  docsearch::v1::SearchResponse response;
  grpc::Status status = stub->Search(&context, request, &response);
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  return response;
}

absl::StatusOr<docsearch::v1::Document> GetDocumentAt(const std::string& address,
                                                      const std::string& id) {
  auto stub = docsearch::v1::QueryService::NewStub(ChannelTo(address));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  docsearch::v1::GetDocumentRequest request;
  request.set_id(id);
  docsearch::v1::GetDocumentResponse response;
  grpc::Status status = stub->GetDocument(&context, request, &response);
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  return response.document();
}

absl::StatusOr<docsearch::v1::GetIndexStatsResponse> IndexStatsAt(const std::string& address) {
  auto stub = docsearch::v1::QueryService::NewStub(ChannelTo(address));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
  docsearch::v1::GetIndexStatsResponse response;
  grpc::Status status = stub->GetIndexStats(&context, {}, &response);
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  return response;
}

int64_t DocumentCountAt(const std::string& address) {
  auto stub = docsearch::v1::QueryService::NewStub(ChannelTo(address));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
  docsearch::v1::GetIndexStatsResponse response;
  if (!stub->GetIndexStats(&context, {}, &response).ok()) return -1;
  return response.document_count();
}

bool WaitUntil(const std::function<bool()>& condition, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    if (condition()) return true;
    absl::SleepFor(absl::Milliseconds(50));
  }
  return condition();
}

}  // namespace docsearch::testing
