// libFuzzer entry point for the query string parser and the query evaluator.
//
// Arbitrary bytes as a query_string against a small index: the answer must
// be a response or INVALID_ARGUMENT, never a crash, a hang or a sanitizer
// report; an accepted page must respect the page size.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

std::unique_ptr<docsearch::query::SearchIndex> MakeIndex() {
  auto index = std::make_unique<docsearch::query::SearchIndex>(docsearch::query::SearchOptions{});
  const char* bodies[] = {"We condemn terrorism and support arms control.",
                          "Theatre missile defence and airspace management.",
                          "La lutte contre le terrorisme et la défense antimissile."};
  for (int i = 0; i < 3; ++i) {
    auto document = std::make_unique<docsearch::v1::Document>();
    document->set_id("doc-" + std::to_string(i));
    document->set_title(i == 0 ? "Joint statement" : "Update");
    document->add_paragraphs()->set_text(bodies[i]);
    document->set_language(i == 2 ? "fr" : "en");
    document->set_doc_type(docsearch::v1::DOC_TYPE_PRESS_STATEMENT);
    document->mutable_published()->set_year(2001 + i);
    document->mutable_published()->set_month(12);
    document->mutable_published()->set_day(7);
    (*document->mutable_attributes())["pages"].set_integer_value(3 + i);
    Check(index->Upsert(std::move(document)).ok());
  }
  return index;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<docsearch::query::SearchIndex> index = MakeIndex();
  docsearch::v1::SearchRequest request;
  request.set_query_string(std::string(reinterpret_cast<const char*>(data), size));
  request.set_page_size(2);
  request.add_facets("doc_type");
  request.set_date_histogram(docsearch::v1::INTERVAL_MONTH);
  absl::StatusOr<docsearch::v1::SearchResponse> response =
      docsearch::query::SearchByRequest(*index, request);
  if (!response.ok()) {
    Check(response.status().code() == absl::StatusCode::kInvalidArgument);
    return 0;
  }
  Check(response->hits_size() <= 2);
  Check(response->total_size() <= 3);
  return 0;
}
