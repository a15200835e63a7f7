// What a search asks of the engine and what it answers, in the engine's own
// terms: no wire fields, no page tokens as strings, no defaults left to
// resolve. The QueryService maps its SearchRequest onto a SearchSpec and a
// SearchResult back onto a SearchResponse (server/search_request_mapping.h);
// other callers (a coordinator, benchmarks, tests of the engine) build a
// spec directly.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_SEARCH_SPEC_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_SEARCH_SPEC_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "docsearch/v1/document.pb.h"
#include "docsearch/v1/query.pb.h"
#include "docsearch/v1/query_service.pb.h"

namespace docsearch::query {

// The sort key of a hit: where a page starts (the last hit of the page
// before) and where the next one would.
struct PageCursor {
  // Days since the epoch of `published`, or kNoDate (index_data.h).
  int32_t day = 0;
  float score = 0;
  std::string id;
};

// A query written in the query-string syntax (query_string_parser.h),
// parsed against the fields of the index it runs on.
struct QueryText {
  std::string text;
  // Words without an operator must all match (else any may).
  bool default_and = false;
  // With !default_and: how many of the optional words must match (0: one).
  int minimum_should_match = 0;
};

enum class SearchSort {
  kScore,            // Best first.
  kPublishedNewest,  // Undated documents last.
  kPublishedOldest,  // Undated documents last.
};

struct SearchSpec {
  // The query tree, or text to parse into one.
  std::variant<docsearch::v1::Query, QueryText> query;
  // The language of the query's words; empty: found from the query
  // (query_language_of.h).
  std::string language;
  // Hits per page; at least 1.
  size_t page_size = 10;
  SearchSort sort = SearchSort::kScore;
  // The page holds the hits that sort strictly after this one.
  std::optional<PageCursor> after;
  // Keyword fields to count values of over every match, and how many
  // values to list per field.
  std::vector<std::string> facets;
  int facet_size = 10;
  // Matches per period of `published`; INTERVAL_UNSPECIFIED for none.
  docsearch::v1::Interval date_histogram = docsearch::v1::INTERVAL_UNSPECIFIED;
  // Count every match (no top-k pruning of the total).
  bool exact_total = false;
  bool explain = false;
  bool snippets = true;
  // When not empty: no search. The hits are these documents (those still
  // live, in this order) scored for the query: the fetch phase of a search
  // across shards, whose page phase ran without snippets.
  std::vector<std::string> fetch_ids;
  // Snippets for the first this many hits of the page only (the others are
  // fetched later when shown; SearchShardRequest.snippet_hits).
  size_t snippet_hits = std::numeric_limits<size_t>::max();
};

struct SearchResultHit {
  // The stored document.
  docsearch::v1::Document document;
  float score = 0;
  // The hit's place in the order (its published day, score and id).
  PageCursor sort_key;
  std::vector<docsearch::v1::Snippet> snippets;
  // Set when the spec asked to explain.
  std::optional<docsearch::v1::Explanation> explanation;
};

struct SearchResult {
  std::vector<SearchResultHit> hits;
  // Matches counted; all of them when `total_exact`, else a lower bound.
  uint64_t total = 0;
  bool total_exact = true;
  std::vector<docsearch::v1::Facet> facets;
  std::vector<docsearch::v1::HistogramBucket> date_histogram;
  // The language the query's words were analysed in.
  std::string query_language;
  // More hits follow the last one.
  bool more = false;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_SEARCH_SPEC_H_
