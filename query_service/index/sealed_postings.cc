#include "query_service/index/sealed_postings.h"

#include <algorithm>
#include <utility>

namespace docsearch::query {

SealedPostings::SealedPostings(TermPostings postings) {
  std::vector<std::pair<absl::string_view, PostingList*>> sorted;
  sorted.reserve(postings.size());
  size_t docs = 0;
  size_t positions = 0;
  size_t blocks = 0;
  for (auto& [term, list] : postings) {
    if (list.empty()) continue;
    list.ShrinkToFit();
    sorted.emplace_back(term, &list);
    docs += list.DocBytes();
    positions += list.PositionBytes();
    blocks += list.block_count();
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  // Exact sizes up front: the arenas never reallocate once views point
  // into them.
  arena_.docs.reserve(docs);
  arena_.positions.reserve(positions);
  arena_.blocks.reserve(blocks);
  lists_.reserve(sorted.size());
  std::vector<absl::string_view> terms;
  terms.reserve(sorted.size());
  for (auto& [term, list] : sorted) {
    terms.push_back(term);
    lists_.push_back(list->CopyInto(arena_));
    *list = PostingList();  // Its streams are copied: free them now.
  }
  terms_ = FrontCodedTerms(terms);
}

const PostingList* SealedPostings::Find(absl::string_view term) const {
  const std::optional<uint32_t> ordinal = terms_.Find(term);
  return ordinal.has_value() ? &lists_[*ordinal] : nullptr;
}

}  // namespace docsearch::query
