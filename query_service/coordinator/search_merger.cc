#include "query_service/coordinator/search_merger.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "query_service/index/field_schema.h"
#include "query_service/index/index_data.h"
#include "query_service/server/page_token.h"

namespace docsearch::query {
namespace {

constexpr int kDefaultPageSize = 10;
constexpr int kDefaultFacetSize = 10;

int DayOf(const docsearch::v1::SearchHit& hit) {
  int days = kNoDate;
  if (!hit.has_published() || !DateToDays(hit.published(), &days)) return kNoDate;
  return days;
}

}  // namespace

docsearch::v1::SearchRequest ShardRequestFor(const docsearch::v1::SearchRequest& request,
                                             int max_facet_size) {
  docsearch::v1::SearchRequest shard = request;
  if (!request.facets().empty()) shard.set_facet_size(max_facet_size);
  return shard;
}

docsearch::v1::SearchResponse MergeSearchResponses(
    const docsearch::v1::SearchRequest& request,
    std::vector<docsearch::v1::SearchResponse> shards) {
  docsearch::v1::SearchResponse merged;
  const size_t page_size = request.page_size() == 0 ? kDefaultPageSize : request.page_size();
  const auto sort = request.sort();
  const bool by_date = sort == docsearch::v1::SORT_ORDER_PUBLISHED_DESC ||
                       sort == docsearch::v1::SORT_ORDER_PUBLISHED_ASC;
  // As SearchIndex orders hits: scores are floats on the shards, so the
  // doubles compared here are exact copies of them.
  auto before = [&](const docsearch::v1::SearchHit& a, const docsearch::v1::SearchHit& b) {
    if (by_date) {
      const int day_a = DayOf(a), day_b = DayOf(b);
      if (day_a != day_b) {
        if (day_a == kNoDate) return false;
        if (day_b == kNoDate) return true;
        return sort == docsearch::v1::SORT_ORDER_PUBLISHED_DESC ? day_a > day_b : day_a < day_b;
      }
    } else if (a.score() != b.score()) {
      return a.score() > b.score();
    }
    return a.id() < b.id();
  };

  std::vector<docsearch::v1::SearchHit> hits;
  bool more = false;
  bool exact = true;
  int64_t total = 0;
  // Facets in request order; values summed by their shown value.
  std::vector<std::map<std::string, int64_t>> facet_counts(request.facets_size());
  std::map<std::string, int64_t> histogram;
  for (docsearch::v1::SearchResponse& shard : shards) {
    for (docsearch::v1::SearchHit& hit : *shard.mutable_hits()) hits.push_back(std::move(hit));
    more = more || !shard.next_page_token().empty();
    exact =
        exact && shard.total_relation() != docsearch::v1::TOTAL_RELATION_GREATER_THAN_OR_EQUAL_TO;
    total += shard.total_size();
    for (const docsearch::v1::Facet& facet : shard.facets()) {
      for (int f = 0; f < request.facets_size(); ++f) {
        if (request.facets(f) != facet.field()) continue;
        for (const auto& value : facet.values()) facet_counts[f][value.value()] += value.count();
      }
    }
    for (const auto& bucket : shard.date_histogram()) histogram[bucket.key()] += bucket.count();
    if (merged.query_language().empty()) merged.set_query_language(shard.query_language());
  }
  std::sort(hits.begin(), hits.end(), before);
  if (hits.size() > page_size) {
    more = true;
    hits.resize(page_size);
  }
  for (docsearch::v1::SearchHit& hit : hits) *merged.add_hits() = std::move(hit);
  merged.set_total_size(total);
  merged.set_total_relation(exact ? docsearch::v1::TOTAL_RELATION_EQUAL_TO
                                  : docsearch::v1::TOTAL_RELATION_GREATER_THAN_OR_EQUAL_TO);
  const int facet_size = request.facet_size() == 0 ? kDefaultFacetSize : request.facet_size();
  for (int f = 0; f < request.facets_size(); ++f) {
    std::vector<std::pair<int64_t, std::string>> counts;
    for (const auto& [value, count] : facet_counts[f]) counts.push_back({count, value});
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    docsearch::v1::Facet* facet = merged.add_facets();
    facet->set_field(request.facets(f));
    for (size_t k = 0; k < counts.size() && static_cast<int>(k) < facet_size; ++k) {
      auto* value = facet->add_values();
      value->set_value(counts[k].second);
      value->set_count(counts[k].first);
    }
  }
  for (const auto& [key, count] : histogram) {
    auto* bucket = merged.add_date_histogram();
    bucket->set_key(key);
    bucket->set_count(count);
  }
  if (more && merged.hits_size() > 0) {
    const docsearch::v1::SearchHit& last = merged.hits(merged.hits_size() - 1);
    merged.set_next_page_token(EncodePageToken(
        {DayOf(last), static_cast<float>(last.score()), last.id()}, RequestFingerprint(request)));
  }
  return merged;
}

}  // namespace docsearch::query
