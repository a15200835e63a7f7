#include "query_service/search/doc_list_ops.h"

#include <algorithm>

namespace docsearch::query {

DocList Intersect(const DocList& a, const DocList& b, bool add_scores) {
  DocList out;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].doc < b[j].doc) {
      ++i;
    } else if (b[j].doc < a[i].doc) {
      ++j;
    } else {
      out.push_back({a[i].doc, add_scores ? a[i].score + b[j].score : a[i].score});
      ++i, ++j;
    }
  }
  return out;
}

DocList Subtract(const DocList& a, const DocList& b) {
  DocList out;
  size_t j = 0;
  for (const ScoredDoc& entry : a) {
    while (j < b.size() && b[j].doc < entry.doc) ++j;
    if (j < b.size() && b[j].doc == entry.doc) continue;
    out.push_back(entry);
  }
  return out;
}

// Adds the scores of `b` to the documents of `a` that are in both.
void AddScores(DocList& a, const DocList& b) {
  size_t j = 0;
  for (ScoredDoc& entry : a) {
    while (j < b.size() && b[j].doc < entry.doc) ++j;
    if (j < b.size() && b[j].doc == entry.doc) entry.score += b[j].score;
  }
}

DocList SortedFromMap(const absl::flat_hash_map<DocId, float>& scores) {
  DocList out;
  out.reserve(scores.size());
  for (const auto& [doc, score] : scores) out.push_back({doc, score});
  std::sort(out.begin(), out.end(),
            [](const ScoredDoc& a, const ScoredDoc& b) { return a.doc < b.doc; });
  return out;
}

}  // namespace docsearch::query
