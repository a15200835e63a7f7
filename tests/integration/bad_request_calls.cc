#include <string>

#include "absl/strings/str_cat.h"
#include "tests/integration/bad_request_table.h"

namespace docsearch::testing {

v1::SearchRequest SearchWith(std::function<void(v1::SearchRequest&)> fill) {
  v1::SearchRequest request;
  fill(request);
  return request;
}

grpc::Status Search(Stubs& stubs, const v1::SearchRequest& request) {
  grpc::ClientContext context;
  v1::SearchResponse response;
  return stubs.query->Search(&context, request, &response);
}

grpc::Status Ingest(Stubs& stubs, const std::string& content) {
  grpc::ClientContext context;
  v1::IngestDocumentRequest request;
  request.mutable_document()->set_content(content);
  v1::IngestDocumentResponse response;
  return stubs.ingest->IngestDocument(&context, request, &response);
}

grpc::Status WriteOne(Stubs& stubs, const v1::Document& document) {
  grpc::ClientContext context;
  auto stream = stubs.index->Write(&context);
  v1::WriteRequest request;
  request.set_batch_id(11);
  *request.add_documents() = document;
  stream->Write(request);
  stream->WritesDone();
  v1::WriteResponse response;
  if (!stream->Read(&response)) return stream->Finish();
  grpc::Status finished = stream->Finish();
  if (!finished.ok()) return finished;
  if (response.results_size() != 1) {
    return grpc::Status(grpc::StatusCode::INTERNAL, "not one result for one document");
  }
  return grpc::Status(static_cast<grpc::StatusCode>(response.results(0).code()),
                      response.results(0).message());
}

v1::Document DatedDocument(int year, int month, int day) {
  v1::Document document;
  document.set_id("dated");
  document.set_title("A dated document");
  document.mutable_published()->set_year(year);
  document.mutable_published()->set_month(month);
  document.mutable_published()->set_day(day);
  return document;
}

grpc::Status IngestWithId(Stubs& stubs, const std::string& id) {
  grpc::ClientContext context;
  v1::IngestDocumentRequest request;
  request.mutable_document()->set_id(id);
  request.mutable_document()->set_content("Statement\n\nSome text.\n");
  v1::IngestDocumentResponse response;
  return stubs.ingest->IngestDocument(&context, request, &response);
}
}  // namespace docsearch::testing
