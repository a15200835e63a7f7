#include "query_service/index/version_history.h"

#include "query_service/index/annex_set.h"

namespace docsearch::query {

std::function<std::unique_ptr<IndexAnnex>()> VersionHistory::Factory(int max_versions) {
  return [max_versions]() -> std::unique_ptr<IndexAnnex> {
    return std::make_unique<VersionHistory>(max_versions);
  };
}

const VersionHistory* VersionHistory::Of(const IndexData& data) {
  return AnnexSet::Find<VersionHistory>(data.annex());
}

void VersionHistory::SettlePending(absl::string_view next_id) {
  if (pending_ == nullptr || *pending_ == next_id) return;
  // The id removed last is not being re-added: it was deleted.
  auto it = histories_.find(*pending_);
  pending_ = nullptr;
  if (it == histories_.end()) return;
  for (DocId slot : it->second.slots) {
    kept_[slot] = false;
    slot_ids_[slot] = nullptr;
  }
  slot_count_ -= it->second.slots.size();
  id_bytes_ -= it->first.capacity() + kPerIdOverhead;
  histories_.erase(it);
}

void VersionHistory::Added(uint32_t doc, const docsearch::v1::Document& document) {
  SettlePending(document.id());
  pending_ = nullptr;
  auto [it, inserted] = histories_.try_emplace(document.id());
  if (inserted) id_bytes_ += it->first.capacity() + kPerIdOverhead;
  History& history = it->second;
  history.slots.push_back(doc);
  history.live = true;
  ++slot_count_;
  if (slot_ids_.size() <= doc) {
    slot_ids_.resize(doc + 1, nullptr);
    kept_.resize(doc + 1, false);
  }
  slot_ids_[doc] = &it->first;
  while (history.slots.size() > static_cast<size_t>(max_versions_)) {
    kept_[history.slots.front()] = false;
    slot_ids_[history.slots.front()] = nullptr;
    history.slots.erase(history.slots.begin());
    --slot_count_;
  }
}

void VersionHistory::Removed(uint32_t doc) {
  if (doc >= slot_ids_.size() || slot_ids_[doc] == nullptr) return;
  const std::string* id = slot_ids_[doc];
  SettlePending(*id);
  auto it = histories_.find(*id);
  if (it == histories_.end()) return;
  it->second.live = false;
  kept_[doc] = true;
  pending_ = id;
}

uint64_t VersionHistory::MemoryBytes() const {
  return id_bytes_ + slot_ids_.capacity() * sizeof(const std::string*) + kept_.capacity() / 8 +
         slot_count_ * sizeof(DocId);
}

std::vector<DocId> VersionHistory::Versions(absl::string_view id) const {
  auto it = histories_.find(id);
  if (it == histories_.end() || !it->second.live) return {};
  return it->second.slots;
}

bool VersionHistory::IsKeptVersion(DocId doc) const {
  if (doc >= kept_.size() || !kept_[doc] || slot_ids_[doc] == nullptr) return false;
  auto it = histories_.find(*slot_ids_[doc]);
  return it != histories_.end() && it->second.live;
}

}  // namespace docsearch::query
