// Bad requests to IngestService, IndexService and Health (bad_requests_test.cc).
#include <limits>
#include <string>

#include "absl/strings/str_cat.h"
#include "tests/integration/bad_request_table.h"

namespace docsearch::testing {

void AddIngestAndIndexRequests(std::vector<BadRequest>& rows) {
  auto add = RowAdder(rows);
  using grpc::StatusCode;

  // IngestService.
  add(
      "ParseDocument: empty content",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::ParseDocumentResponse response;
        return s.ingest->ParseDocument(&context, {}, &response);
      },
      StatusCode::INVALID_ARGUMENT, "document.content is empty");
  add(
      "ParseDocument: binary content",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::ParseDocumentRequest request;
        request.mutable_document()->set_content(std::string("\x00\x01\x02\x03\x04\x05\x06\x07", 8) +
                                                std::string(4000, '\x01'));
        v1::ParseDocumentResponse response;
        return s.ingest->ParseDocument(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "document.content");
  add(
      "IngestDocument: empty content", [](Stubs& s) { return Ingest(s, ""); },
      StatusCode::INVALID_ARGUMENT, "document.content is empty");
  add(
      "IngestDocument: over --max_document_bytes",
      [](Stubs& s) { return Ingest(s, std::string(70 * 1024, 'a')); },
      StatusCode::RESOURCE_EXHAUSTED, "max_document_bytes");
  add(
      "IngestDocument: JSON that is not JSON",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::IngestDocumentRequest request;
        request.mutable_document()->set_content("{\"title\": ");
        request.mutable_document()->set_content_type(v1::CONTENT_TYPE_JSON);
        v1::IngestDocumentResponse response;
        return s.ingest->IngestDocument(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "JSON");
  add(
      "IngestDocument: message over --max_message_bytes",
      [](Stubs& s) { return Ingest(s, std::string(300 * 1024, 'a')); },
      StatusCode::RESOURCE_EXHAUSTED, "");

  // IndexService.
  add(
      "Write: document without id",
      [](Stubs& s) {
        v1::Document document;
        document.set_title("no id");
        return WriteOne(s, document);
      },
      StatusCode::INVALID_ARGUMENT, "documents[0].id is empty");
  for (const auto& [name, date] : std::vector<std::pair<std::string, v1::Document>>{
           {"year 0", DatedDocument(0, 5, 1)},
           {"negative year", DatedDocument(-44, 3, 15)},
           {"year 2^31-1", DatedDocument(2147483647, 1, 1)},
           {"month 13", DatedDocument(2001, 13, 1)},
           {"February 30", DatedDocument(2001, 2, 30)}}) {
    add(
        "Write: published " + name, [date](Stubs& s) { return WriteOne(s, date); },
        StatusCode::INVALID_ARGUMENT, "documents[0] ('dated').published: ");
  }
  add(
      "Write: unknown entity type",
      [](Stubs& s) {
        v1::Document document = DatedDocument(2001, 2, 28);
        document.add_entities()->set_type(static_cast<v1::EntityType>(99));
        return WriteOne(s, document);
      },
      StatusCode::INVALID_ARGUMENT, "documents[0].entities[0].type: unknown EntityType value 99");
  add(
      "Write: id over 512 bytes",
      [](Stubs& s) {
        v1::Document document = DatedDocument(2001, 2, 28);
        document.set_id(std::string(513, 'i'));
        return WriteOne(s, document);
      },
      StatusCode::INVALID_ARGUMENT, "documents[0].id is 513 bytes; ids are at most 512 bytes");
  for (const auto& [name, id] :
       std::vector<std::pair<std::string, std::string>>{{"NUL", std::string("a\0b", 3)},
                                                        {"newline", "a\nb"},
                                                        {"U+202E", "evil\xE2\x80\xAEtxt.exe"}}) {
    add(
        "Write: id with " + name,
        [id](Stubs& s) {
          v1::Document document = DatedDocument(2001, 2, 28);
          document.set_id(id);
          return WriteOne(s, document);
        },
        StatusCode::INVALID_ARGUMENT, "ids may not hold control or bidirectional-override");
    add(
        "IngestDocument: id with " + name, [id](Stubs& s) { return IngestWithId(s, id); },
        StatusCode::INVALID_ARGUMENT, "document.id holds U+");
  }
  add(
      "IngestDocument: id over 512 bytes",
      [](Stubs& s) { return IngestWithId(s, std::string(600, 'x')); }, StatusCode::INVALID_ARGUMENT,
      "document.id is 600 bytes; ids are at most 512 bytes");
  add(
      "GetDocument: missing 1 MiB id answers NOT_FOUND with a short echo",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::GetDocumentRequest request;
        request.set_id(std::string(1 << 20, 'm'));
        v1::GetDocumentResponse response;
        grpc::Status status = s.query->GetDocument(&context, request, &response);
        if (status.error_message().size() > 1024) {
          return grpc::Status(grpc::StatusCode::INTERNAL, "the message echoes the whole id");
        }
        return status;
      },
      StatusCode::NOT_FOUND, "(1048576 bytes)");
  add(
      "Search: a 1 MiB unknown field name answers INVALID_ARGUMENT with a short message",
      [](Stubs& s) {
        grpc::Status status =
            Search(s, SearchWith([](auto& r) {
                     r.mutable_query()->mutable_term()->set_field(std::string(1 << 20, 'f'));
                   }));
        if (status.error_message().size() > 4096) {
          return grpc::Status(grpc::StatusCode::INTERNAL, "the message echoes the whole field");
        }
        return status;
      },
      StatusCode::INVALID_ARGUMENT, "message cut; ");
  add(
      "DeleteDocument: empty id",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::DeleteDocumentResponse response;
        return s.index->DeleteDocument(&context, {}, &response);
      },
      StatusCode::INVALID_ARGUMENT, "id is empty");
  add(
      "DeleteDocument: unknown id",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::DeleteDocumentRequest request;
        request.set_id("never-seen");
        v1::DeleteDocumentResponse response;
        return s.index->DeleteDocument(&context, request, &response);
      },
      StatusCode::NOT_FOUND, "never-seen");

  add(
      "IngestDocuments: a document with no content",
      [](Stubs& s) {
        // A stream answers OK with one outcome per document; a bad document
        // fails alone. The row checks the outcome's code and message.
        grpc::ClientContext context;
        v1::IngestDocumentsResponse response;
        auto stream = s.ingest->IngestDocuments(&context, &response);
        v1::IngestDocumentsRequest request;
        request.mutable_document()->set_source_uri("empty.txt");
        stream->Write(request);
        stream->WritesDone();
        grpc::Status status = stream->Finish();
        if (!status.ok()) return status;
        if (response.results_size() != 1 || response.failed_count() != 1) {
          return grpc::Status(grpc::StatusCode::INTERNAL,
                              absl::StrCat(response.results_size(), " results, ",
                                           response.failed_count(), " failed, for 1 document"));
        }
        const v1::IngestResult& result = response.results(0);
        return grpc::Status(static_cast<grpc::StatusCode>(result.code()), result.message());
      },
      StatusCode::INVALID_ARGUMENT, "content");

  // Health.
  add(
      "Health.Check: unknown service",
      [](Stubs& s) {
        grpc::ClientContext context;
        grpc::health::v1::HealthCheckRequest request;
        request.set_service("no.such.Service");
        grpc::health::v1::HealthCheckResponse response;
        return s.health->Check(&context, request, &response);
      },
      StatusCode::NOT_FOUND, "no.such.Service");
}

}  // namespace docsearch::testing
