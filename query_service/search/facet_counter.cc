#include "query_service/search/facet_counter.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"

namespace docsearch::query {

absl::StatusOr<std::vector<docsearch::v1::Facet>> CountFacets(
    const IndexData& index, const DocList& matches, const std::vector<std::string>& fields,
    int size) {
  std::vector<docsearch::v1::Facet> facets;
  if (fields.empty()) return facets;
  for (size_t i = 0; i < fields.size(); ++i) {
    const std::string& field = fields[i];
    absl::StatusOr<FieldKind> kind = index.KindOf(field);
    if (!kind.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("facets[", i, "]: ", kind.status().message()));
    }
    if (*kind != FieldKind::kKeyword) {
      return absl::InvalidArgumentError(absl::StrCat("facets[", i, "]: '", field, "' is a ",
                                                     FieldKindName(*kind),
                                                     " field; facets need a keyword field"));
    }
    std::vector<std::pair<int64_t, std::string>> counts;  // (count, shown value)
    if (auto column = index.keyword_columns.find(field); column != index.keyword_columns.end()) {
      // Each match's values from the column: the cost follows the matches,
      // not the field's whole document lists.
      std::vector<int64_t> per_ordinal(column->second.ordinal_count(), 0);
      for (const ScoredDoc& match : matches) {
        for (uint32_t ordinal : column->second.Ordinals(match.doc)) ++per_ordinal[ordinal];
      }
      const auto* display = [&]() -> const absl::flat_hash_map<std::string, std::string>* {
        auto it = index.keyword_display.find(field);
        return it == index.keyword_display.end() ? nullptr : &it->second;
      }();
      for (uint32_t ordinal = 0; ordinal < per_ordinal.size(); ++ordinal) {
        if (per_ordinal[ordinal] == 0) continue;
        const std::string& value = column->second.Value(ordinal);
        std::string shown = value;
        if (display != nullptr) {
          if (auto it = display->find(value); it != display->end()) shown = it->second;
        }
        counts.push_back({per_ordinal[ordinal], std::move(shown)});
      }
    }
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    docsearch::v1::Facet& facet = facets.emplace_back();
    facet.set_field(field);
    for (size_t k = 0; k < counts.size() && static_cast<int>(k) < size; ++k) {
      auto* value = facet.add_values();
      value->set_value(counts[k].second);
      value->set_count(counts[k].first);
    }
  }
  return facets;
}

std::vector<docsearch::v1::HistogramBucket> PublishedHistogram(const IndexData& index,
                                                               const DocList& matches,
                                                               docsearch::v1::Interval interval) {
  std::vector<docsearch::v1::HistogramBucket> buckets;
  auto column = index.dates.find("published");
  if (interval == docsearch::v1::INTERVAL_UNSPECIFIED || column == index.dates.end())
    return buckets;
  std::map<std::string, int64_t> counts;  // Keys sort in date order.
  for (const ScoredDoc& match : matches) {
    if (match.doc >= column->second.size() || column->second[match.doc] == kNoDate) continue;
    const absl::CivilDay day = absl::CivilDay(1970, 1, 1) + column->second[match.doc];
    const std::string key = interval == docsearch::v1::INTERVAL_MONTH
                                ? absl::StrFormat("%04d-%02d", day.year(), day.month())
                                : absl::StrFormat("%04d", day.year());
    counts[key]++;
  }
  for (const auto& [key, count] : counts) {
    auto& bucket = buckets.emplace_back();
    bucket.set_key(key);
    bucket.set_count(count);
  }
  return buckets;
}

}  // namespace docsearch::query
