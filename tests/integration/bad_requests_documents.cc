// Bad requests to QueryService's document and comparison RPCs
// (bad_requests_test.cc).
#include <limits>
#include <string>

#include "absl/strings/str_cat.h"
#include "tests/integration/bad_request_table.h"

namespace docsearch::testing {

void AddDocumentAndComparisonRequests(std::vector<BadRequest>& rows) {
  auto add = RowAdder(rows);
  using grpc::StatusCode;

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
}

}  // namespace docsearch::testing
