#include "query_service/search/index_stats.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace docsearch::query {

using docsearch::v1::Document;

docsearch::v1::GetIndexStatsResponse IndexStatsOf(const IndexData& data) {
  docsearch::v1::GetIndexStatsResponse stats;
  stats.set_document_count(static_cast<int64_t>(data.live_count()));
  for (const TextFieldIndex* field : {&data.title(), &data.body()}) {
    stats.set_term_count(stats.term_count() + static_cast<int64_t>(field->terms.size()));
  }
  stats.set_posting_count(static_cast<int64_t>(data.live_postings()));
  stats.set_segment_count(static_cast<int64_t>(data.segments().size()));
  stats.set_text_bytes(static_cast<int64_t>(data.live_text_bytes()));
  // What the process holds: both copies (left_right.h), which share the
  // sealed segments and the stored documents.
  const uint64_t store_bytes = data.documents().MemoryBytes();  // Read once: it may grow.
  stats.set_memory_bytes(
      static_cast<int64_t>(2 * data.OwnMemoryBytes() + data.SegmentMemoryBytes() + store_bytes));
  if (auto types = data.keywords().find("doc_type"); types != data.keywords().end()) {
    std::vector<std::pair<std::string, int64_t>> counts;
    for (const auto& [value, docs] : types->second) {
      int64_t count = 0;
      for (DocId doc : docs) count += data.live()[doc];
      if (count > 0) counts.push_back({value, count});
    }
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (const auto& [value, count] : counts) {
      auto* entry = stats.add_doc_type_counts();
      entry->set_value(value);
      entry->set_count(count);
    }
  }
  int earliest = std::numeric_limits<int>::max(), latest = std::numeric_limits<int>::min();
  std::optional<DocId> earliest_doc, latest_doc;
  if (auto it = data.dates().find("published"); it != data.dates().end()) {
    for (DocId doc = 0; doc < it->second.size(); ++doc) {
      int day = it->second[doc];
      if (day == kNoDate || !data.live()[doc]) continue;
      if (day < earliest) earliest = day, earliest_doc = doc;
      if (day > latest) latest = day, latest_doc = doc;
    }
  }
  // Two decompressions; a slot that does not decode (a bug) leaves its
  // bound unset rather than failing the stats.
  auto published_of = [&](std::optional<DocId> doc) -> std::optional<docsearch::v1::Date> {
    if (!doc.has_value()) return std::nullopt;
    absl::StatusOr<Document> document = data.documents().Load(*doc);
    if (!document.ok()) return std::nullopt;
    return document->published();
  };
  if (auto date = published_of(earliest_doc)) *stats.mutable_earliest_published() = *date;
  if (auto date = published_of(latest_doc)) *stats.mutable_latest_published() = *date;
  return stats;
}

}  // namespace docsearch::query
