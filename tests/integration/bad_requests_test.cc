// Every RPC, sent bad input, answers with the right status code and a
// message naming the problem; and the services keep serving afterwards.
// Table-driven: one row per bad request.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <filesystem>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"

namespace docsearch::testing {
namespace {

using ::testing::HasSubstr;

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

// Writes one document straight to IndexService.Write and returns its
// outcome as a status (per-document outcomes travel in the response).
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

std::vector<BadRequest> BadRequests() {
  std::vector<BadRequest> rows;
  auto add = [&](std::string name, std::function<grpc::Status(Stubs&)> call, grpc::StatusCode code,
                 std::string part) {
    rows.push_back({std::move(name), std::move(call), code, std::move(part)});
  };
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
      [](Stubs& s) -> grpc::Status {
        grpc::ClientContext context;
        auto stream = s.index->Write(&context);
        v1::WriteRequest request;
        request.set_batch_id(7);
        request.add_documents()->set_title("no id");
        stream->Write(request);
        stream->WritesDone();
        v1::WriteResponse response;
        if (!stream->Read(&response)) return stream->Finish();
        grpc::Status finished = stream->Finish();
        if (!finished.ok()) return finished;
        // Per-document outcomes travel in the response, not the stream status.
        return grpc::Status(static_cast<grpc::StatusCode>(response.results(0).code()),
                            response.results(0).message());
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

  // QueryService.Search.
  add(
      "Search: no query", [](Stubs& s) { return Search(s, {}); }, StatusCode::INVALID_ARGUMENT,
      "query or query_string is required");
  add(
      "Search: query and query_string",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match_all();
                        r.set_query_string("x");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "not both");
  add(
      "Search: empty query node",
      [](Stubs& s) { return Search(s, SearchWith([](auto& r) { r.mutable_query(); })); },
      StatusCode::INVALID_ARGUMENT, "query is empty");
  add(
      "Search: empty match text",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) { r.mutable_query()->mutable_match(); }));
      },
      StatusCode::INVALID_ARGUMENT, "query.match.text is empty");
  add(
      "Search: match on a keyword field",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match()->set_text("x");
                        r.mutable_query()->mutable_match()->add_fields()->set_field("doc_type");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "'doc_type' is a keyword field");
  add(
      "Search: term on an unknown field",
      [](Stubs& s) {
        return Search(
            s, SearchWith([](auto& r) { r.mutable_query()->mutable_term()->set_field("colour"); }));
      },
      StatusCode::INVALID_ARGUMENT, "query.term.field: unknown field 'colour'");
  add(
      "Search: unknown doc_type value",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_term()->set_field("doc_type");
                        r.mutable_query()->mutable_term()->set_value("memo");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "unknown doc_type 'memo'");
  add(
      "Search: range with a bad date",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_range()->set_field("published");
                        r.mutable_query()->mutable_range()->set_lt("2001-02-30");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "query.range.lt");
  add(
      "Search: negative slop",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_phrase()->set_text("a b");
                        r.mutable_query()->mutable_phrase()->set_slop(-1);
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "slop");
  add(
      "Search: unknown language",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.set_query_string("defense");
                        r.set_language("xx");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "language: unknown language 'xx'; expected one of en, fr");
  add(
      "Search: malformed language",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.set_query_string("defense");
                        r.set_language("english");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "language: malformed language tag 'english'");
  add(
      "Search: phrase in an unknown language",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_phrase()->set_text("défense collective");
                        r.mutable_query()->mutable_phrase()->set_language("xx");
                      }));
      },
      StatusCode::INVALID_ARGUMENT,
      "query.phrase.language: unknown language 'xx'; expected one of en, fr");
  add(
      "TermTrend: unknown language",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::TermTrendRequest request;
        request.add_terms("terrorism");
        request.set_interval(v1::INTERVAL_YEAR);
        request.set_language("xx");
        v1::TermTrendResponse response;
        return s.query->TermTrend(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "language: unknown language 'xx'");
  add(
      "CompareDocuments: raw text in an unknown language",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::CompareDocumentsRequest request;
        request.mutable_a()->set_text("Missile defence.");
        request.mutable_b()->set_text("Crisis management.");
        request.mutable_b()->set_language("xx");
        v1::CompareDocumentsResponse response;
        return s.query->CompareDocuments(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "b.language: unknown language 'xx'");
  add(
      "Search: bool with no clauses",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) { r.mutable_query()->mutable_boolean(); }));
      },
      StatusCode::INVALID_ARGUMENT, "query.boolean has no clauses");
  add(
      "Search: too many words",
      [](Stubs& s) {
        std::string text;
        for (int i = 0; i < 100; ++i) absl::StrAppend(&text, "word", i, " ");
        return Search(
            s, SearchWith([&](auto& r) { r.mutable_query()->mutable_match()->set_text(text); }));
      },
      StatusCode::INVALID_ARGUMENT, "the limit is");
  add(
      "Search: negative page_size",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match_all();
                        r.set_page_size(-1);
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "page_size");
  add(
      "Search: page_size over --max_page_size",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match_all();
                        r.set_page_size(1001);
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "page_size 1001");
  add(
      "Search: malformed page_token",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match_all();
                        r.set_page_token("%%%");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "page_token is malformed");
  add(
      "Search: unknown sort order",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match_all();
                        r.set_sort(static_cast<v1::SortOrder>(42));
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "sort");
  add(
      "Search: query_string syntax error",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) { r.set_query_string("title:\"open"); }));
      },
      StatusCode::INVALID_ARGUMENT, "position 7");

  add(
      "Search: unknown match operator",
      [](Stubs& s) {
        return Search(
            s, SearchWith([](auto& r) {
              r.mutable_query()->mutable_match()->set_text("nato");
              r.mutable_query()->mutable_match()->set_operator_(static_cast<v1::MatchOperator>(42));
            }));
      },
      StatusCode::INVALID_ARGUMENT, "query.match.operator: unknown MatchOperator value 42");
  add(
      "Search: NaN boost",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match()->set_text("nato");
                        auto* field = r.mutable_query()->mutable_match()->add_fields();
                        field->set_field("title");
                        field->set_boost(std::numeric_limits<float>::quiet_NaN());
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "query.match.fields[0].boost: nan is not a finite number");
  add(
      "Search: infinite boost",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match()->set_text("nato");
                        auto* field = r.mutable_query()->mutable_match()->add_fields();
                        field->set_field("title");
                        field->set_boost(std::numeric_limits<float>::infinity());
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "query.match.fields[0].boost: inf is not a finite number");
  add(
      "Search: gte and gt together",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_range()->set_field("published");
                        r.mutable_query()->mutable_range()->set_gte("2001");
                        r.mutable_query()->mutable_range()->set_gt("2002");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "query.range: gte and gt are both set");
  add(
      "Search: lte and lt together",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_range()->set_field("published");
                        r.mutable_query()->mutable_range()->set_lte("2001");
                        r.mutable_query()->mutable_range()->set_lt("2002");
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "query.range: lte and lt are both set");
  add(
      "Search: unknown date_histogram interval",
      [](Stubs& s) {
        return Search(s, SearchWith([](auto& r) {
                        r.mutable_query()->mutable_match_all();
                        r.set_date_histogram(static_cast<v1::Interval>(77));
                      }));
      },
      StatusCode::INVALID_ARGUMENT, "date_histogram: unknown Interval value 77");

  // QueryService.GetDocument.
  add(
      "GetDocument: empty id",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::GetDocumentResponse response;
        return s.query->GetDocument(&context, {}, &response);
      },
      StatusCode::INVALID_ARGUMENT, "id is empty");
  add(
      "GetDocument: unknown id",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::GetDocumentRequest request;
        request.set_id("nope");
        v1::GetDocumentResponse response;
        return s.query->GetDocument(&context, request, &response);
      },
      StatusCode::NOT_FOUND, "nope");
  add(
      "CompareSets: query_string_b syntax error",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::CompareSetsRequest request;
        request.set_query_string_a("russia");
        request.set_query_string_b("title:\"open");
        v1::CompareSetsResponse response;
        return s.query->CompareSets(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "query_string_b: position 7");
  add(
      "CompareSets: neither b nor query_string_b",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::CompareSetsRequest request;
        request.set_query_string_a("russia");
        v1::CompareSetsResponse response;
        return s.query->CompareSets(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "query_string_b");
  add(
      "CompareDocuments: side b missing",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::CompareDocumentsRequest request;
        request.mutable_a()->set_text("NATO and Russia");
        v1::CompareDocumentsResponse response;
        return s.query->CompareDocuments(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "b is required");
  add(
      "CompareDocuments: unknown id",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::CompareDocumentsRequest request;
        request.mutable_a()->set_text("NATO and Russia");
        request.mutable_b()->set_id("no-such-document");
        v1::CompareDocumentsResponse response;
        return s.query->CompareDocuments(&context, request, &response);
      },
      StatusCode::NOT_FOUND, "b.id: no document with id 'no-such-document'");
  add(
      "CompareDocuments: blank text",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::CompareDocumentsRequest request;
        request.mutable_a()->set_text("  \n ");
        request.mutable_b()->set_text("NATO");
        v1::CompareDocumentsResponse response;
        return s.query->CompareDocuments(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "a.text is empty");
  add(
      "FindSimilar: no like",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::FindSimilarRequest request;
        v1::FindSimilarResponse response;
        return s.query->FindSimilar(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "like is required");
  add(
      "FindSimilar: negative max_results",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::FindSimilarRequest request;
        request.mutable_like()->set_text("missile defence");
        request.set_max_results(-1);
        v1::FindSimilarResponse response;
        return s.query->FindSimilar(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "max_results -1");
  add(
      "TermTrend: no terms",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::TermTrendRequest request;
        request.set_interval(v1::INTERVAL_YEAR);
        v1::TermTrendResponse response;
        return s.query->TermTrend(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "terms is required");
  add(
      "TermTrend: interval unspecified",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::TermTrendRequest request;
        request.add_terms("terrorism");
        v1::TermTrendResponse response;
        return s.query->TermTrend(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "interval must be");
  add(
      "FindNearDuplicates: min_resemblance over 1",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::FindNearDuplicatesRequest request;
        request.set_min_resemblance(1.5);
        v1::FindNearDuplicatesResponse response;
        return s.query->FindNearDuplicates(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "min_resemblance 1.5");
  add(
      "FindNearDuplicates: NaN min_resemblance",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::FindNearDuplicatesRequest request;
        request.set_min_resemblance(std::numeric_limits<double>::quiet_NaN());
        v1::FindNearDuplicatesResponse response;
        return s.query->FindNearDuplicates(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "min_resemblance: nan is not a finite number");
  add(
      "TermTrend: unknown interval",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::TermTrendRequest request;
        request.add_terms("terrorism");
        request.set_interval(static_cast<v1::Interval>(9));
        v1::TermTrendResponse response;
        return s.query->TermTrend(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "interval: unknown Interval value 9");
  add(
      "IngestDocument: unknown content type",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::IngestDocumentRequest request;
        request.mutable_document()->set_content("Statement\n\nText.\n");
        request.mutable_document()->set_content_type(static_cast<v1::ContentType>(12));
        v1::IngestDocumentResponse response;
        return s.ingest->IngestDocument(&context, request, &response);
      },
      StatusCode::INVALID_ARGUMENT, "document.content_type: unknown ContentType value 12");
  add(
      "FindNearDuplicates: unknown id",
      [](Stubs& s) {
        grpc::ClientContext context;
        v1::FindNearDuplicatesRequest request;
        request.set_id("no-such-document");
        v1::FindNearDuplicatesResponse response;
        return s.query->FindNearDuplicates(&context, request, &response);
      },
      StatusCode::NOT_FOUND, "id: no document with id 'no-such-document'");
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
