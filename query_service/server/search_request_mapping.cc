#include "query_service/server/search_request_mapping.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/analysis_languages.h"
#include "google/protobuf/util/time_util.h"
#include "query_service/server/page_token.h"

namespace docsearch::query {

using docsearch::v1::SearchRequest;
using docsearch::v1::SearchResponse;

absl::StatusOr<SearchSpec> SearchSpecOf(const SearchRequest& request, const SearchOptions& limits) {
  if (request.has_query() == !request.query_string().empty()) {
    return absl::InvalidArgumentError(
        request.has_query()
            ? "set either query or query_string, not both"
            : "query or query_string is required (e.g. {\"query_string\": \"terrorism\"})");
  }
  if (!docsearch::v1::MatchOperator_IsValid(request.default_operator())) {
    return absl::InvalidArgumentError(
        absl::StrCat("default_operator ", request.default_operator(), " is not a MatchOperator"));
  }
  if (request.minimum_should_match() < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "minimum_should_match is ", request.minimum_should_match(), "; it must be 0 or more"));
  }
  if (request.page_size() < 0 || request.page_size() > limits.max_page_size) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size ", request.page_size(), " is outside 0..", limits.max_page_size));
  }
  if (!docsearch::v1::SortOrder_IsValid(request.sort())) {
    return absl::InvalidArgumentError(absl::StrCat("sort ", request.sort(), " is not a SortOrder"));
  }
  if (request.facets_size() > limits.max_facets) {
    return absl::InvalidArgumentError(absl::StrCat("facets has ", request.facets_size(),
                                                   " entries; at most ", limits.max_facets,
                                                   " (--max_facets)"));
  }
  if (request.facet_size() < 0 || request.facet_size() > limits.max_page_size) {
    return absl::InvalidArgumentError(
        absl::StrCat("facet_size ", request.facet_size(), " is outside 0..", limits.max_page_size));
  }
  if (!docsearch::v1::Interval_IsValid(request.date_histogram())) {
    return absl::InvalidArgumentError(
        absl::StrCat("date_histogram ", request.date_histogram(), " is not an Interval"));
  }
  absl::StatusOr<std::string> checked = RequestedAnalysisLanguage(request.language(), "language");
  if (!checked.ok()) return checked.status();
  std::string language = *std::move(checked);
  absl::StatusOr<std::optional<PageCursor>> cursor = DecodePageToken(request);
  if (!cursor.ok()) return cursor.status();

  SearchSpec spec;
  if (request.has_query()) {
    spec.query = request.query();
  } else {
    spec.query =
        QueryText{.text = request.query_string(),
                  .default_and = request.default_operator() == docsearch::v1::MATCH_OPERATOR_AND,
                  .minimum_should_match = request.minimum_should_match()};
  }
  spec.language = std::move(language);
  spec.page_size = request.page_size() == 0 ? limits.default_page_size : request.page_size();
  switch (request.sort()) {
    case docsearch::v1::SORT_ORDER_PUBLISHED_DESC:
      spec.sort = SearchSort::kPublishedNewest;
      break;
    case docsearch::v1::SORT_ORDER_PUBLISHED_ASC:
      spec.sort = SearchSort::kPublishedOldest;
      break;
    default:
      spec.sort = SearchSort::kScore;
      break;
  }
  spec.after = *std::move(cursor);
  spec.facets.assign(request.facets().begin(), request.facets().end());
  spec.facet_size = request.facet_size() == 0 ? 10 : request.facet_size();
  spec.date_histogram = request.date_histogram();
  spec.exact_total = request.exact_total();
  spec.explain = request.explain();
  spec.snippets = !request.omit_snippets();
  return spec;
}

SearchResponse SearchResponseOf(const SearchRequest& request, SearchResult result,
                                absl::Duration took) {
  SearchResponse response;
  for (auto& facet : result.facets) *response.add_facets() = std::move(facet);
  for (auto& bucket : result.date_histogram) *response.add_date_histogram() = std::move(bucket);
  for (SearchResultHit& match : result.hits) {
    const docsearch::v1::Document& document = match.document;
    auto* hit = response.add_hits();
    hit->set_id(document.id());
    hit->set_score(match.score);
    hit->set_title(document.title());
    hit->set_doc_type(document.doc_type());
    if (document.has_published()) *hit->mutable_published() = document.published();
    hit->set_source_uri(document.source_uri());
    for (auto& snippet : match.snippets) *hit->add_snippets() = std::move(snippet);
    if (match.explanation.has_value()) {
      *hit->mutable_explanation() = *std::move(match.explanation);
    }
  }
  response.set_total_size(static_cast<int64_t>(result.total));
  response.set_query_language(result.query_language);
  response.set_total_relation(result.total_exact
                                  ? docsearch::v1::TOTAL_RELATION_EQUAL_TO
                                  : docsearch::v1::TOTAL_RELATION_GREATER_THAN_OR_EQUAL_TO);
  if (result.more && !result.hits.empty()) {
    response.set_next_page_token(
        EncodePageToken(result.hits.back().sort_key, RequestFingerprint(request)));
  }
  *response.mutable_took() =
      google::protobuf::util::TimeUtil::NanosecondsToDuration(absl::ToInt64Nanoseconds(took));
  return response;
}

absl::StatusOr<SearchResponse> SearchByRequest(const SearchIndex& index,
                                               const SearchRequest& request,
                                               const ShardScoring& shard) {
  const absl::Time started = absl::Now();
  absl::StatusOr<SearchSpec> spec = SearchSpecOf(request, index.options());
  if (!spec.ok()) return spec.status();
  absl::StatusOr<SearchResult> result = index.Search(*spec, shard);
  if (!result.ok()) return result.status();
  return SearchResponseOf(request, *std::move(result), absl::Now() - started);
}

}  // namespace docsearch::query
