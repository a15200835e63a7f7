#include "query_service/index/sealed_postings.h"

#include <algorithm>
#include <utility>

namespace docsearch::query {

void SealedPostings::Builder::Reserve(size_t docs, size_t positions, size_t blocks) {
  arena_.docs.reserve(docs);
  arena_.positions.reserve(positions);
  arena_.blocks.reserve(blocks);
}

void SealedPostings::Builder::Add(absl::string_view term, PostingList& list) {
  if (list.empty()) return;
  list.ShrinkToFit();
  starts_.push_back({arena_.docs.size(), arena_.positions.size(), arena_.blocks.size()});
  // The view's pointers go stale when the arenas grow; Finish repoints it.
  lists_.push_back(list.CopyInto(arena_));
  terms_.emplace_back(term);
  list = PostingList();  // Its streams are copied: free them now.
}

SealedPostings SealedPostings::Builder::Finish() && {
  SealedPostings sealed;
  sealed.arena_ = std::move(arena_);
  // Spare capacity from growth past the reservation goes back.
  sealed.arena_.docs.shrink_to_fit();
  sealed.arena_.positions.shrink_to_fit();
  sealed.arena_.blocks.shrink_to_fit();
  for (size_t i = 0; i < lists_.size(); ++i) {
    lists_[i].Repoint(sealed.arena_, starts_[i].docs, starts_[i].positions, starts_[i].blocks);
  }
  sealed.lists_ = std::move(lists_);
  sealed.lists_.shrink_to_fit();
  std::vector<absl::string_view> terms(terms_.begin(), terms_.end());
  sealed.terms_ = FrontCodedTerms(terms);
  return sealed;
}

SealedPostings::SealedPostings(TermPostings postings) {
  std::vector<std::pair<absl::string_view, PostingList*>> terms;
  terms.reserve(postings.size());
  for (auto& [term, list] : postings) {
    if (!list.empty()) terms.emplace_back(term, &list);
  }
  *this = FromUnsorted(std::move(terms));
}

SealedPostings::SealedPostings(OpenPostings postings) {
  std::vector<std::pair<absl::string_view, PostingList*>> terms;
  terms.reserve(postings.size());
  for (size_t slot = 0; slot < postings.size(); ++slot) {
    if (!postings.lists[slot].empty())
      terms.emplace_back(postings.terms[slot], &postings.lists[slot]);
  }
  *this = FromUnsorted(std::move(terms));
}

SealedPostings SealedPostings::FromUnsorted(
    std::vector<std::pair<absl::string_view, PostingList*>> terms) {
  size_t docs = 0;
  size_t positions = 0;
  size_t blocks = 0;
  for (auto& [term, list] : terms) {
    list->ShrinkToFit();
    docs += list->DocBytes();
    positions += list->PositionBytes();
    blocks += list->block_count();
  }
  std::sort(terms.begin(), terms.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  Builder builder;
  builder.Reserve(docs, positions, blocks);
  for (auto& [term, list] : terms) builder.Add(term, *list);
  return std::move(builder).Finish();
}

const PostingList* SealedPostings::Find(absl::string_view term) const {
  const std::optional<uint32_t> ordinal = terms_.Find(term);
  return ordinal.has_value() ? &lists_[*ordinal] : nullptr;
}

}  // namespace docsearch::query
