#include "query_service/index/version_history.h"

#include <utility>

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

void VersionHistory::SetKept(DocId doc, bool kept) {
  if (kept_.size() <= doc) {
    if (!kept) return;
    kept_.resize(doc + 1, false);
  }
  kept_[doc] = kept;
}

void VersionHistory::SettlePendingAsDelete() {
  if (!pending_.has_value()) return;
  if (auto it = earlier_.find(pending_->doc); it != earlier_.end()) {
    for (DocId slot : it->second) SetKept(slot, false);
    earlier_count_ -= it->second.size();
    earlier_.erase(it);
  }
  pending_.reset();
}

void VersionHistory::Added(uint32_t doc, const docsearch::v1::Document& document) {
  if (!pending_.has_value() || pending_->id != document.id()) {
    // A new id, or one written again after a delete: its history starts here.
    SettlePendingAsDelete();
    return;
  }
  // The pending removal was this id's replacement: its earlier versions and
  // the replaced one move to the new live slot.
  std::vector<DocId> earlier;
  if (auto it = earlier_.find(pending_->doc); it != earlier_.end()) {
    earlier = std::move(it->second);
    earlier_.erase(it);
  }
  earlier.push_back(pending_->doc);
  SetKept(pending_->doc, true);
  ++earlier_count_;
  pending_.reset();
  // At most max_versions_ listed, the live one included: the oldest go.
  const size_t listed = static_cast<size_t>(max_versions_ - 1);
  if (earlier.size() > listed) {
    const size_t forgotten = earlier.size() - listed;
    for (size_t k = 0; k < forgotten; ++k) SetKept(earlier[k], false);
    earlier.erase(earlier.begin(), earlier.begin() + static_cast<std::ptrdiff_t>(forgotten));
    earlier_count_ -= forgotten;
  }
  if (!earlier.empty()) earlier_.emplace(doc, std::move(earlier));
}

void VersionHistory::Removed(uint32_t doc, absl::string_view id) {
  // A removal right after another means the other was a delete (a
  // replacement's Added follows its Removed at once).
  SettlePendingAsDelete();
  pending_ = PendingRemoval{doc, std::string(id)};
}

uint64_t VersionHistory::MemoryBytes() const {
  return earlier_.capacity() * (sizeof(std::pair<const DocId, std::vector<DocId>>) + 1) +
         earlier_count_ * sizeof(DocId) + kept_.capacity() / 8 +
         (pending_.has_value() ? pending_->id.capacity() : 0);
}

std::vector<DocId> VersionHistory::Versions(DocId live_doc) const {
  std::vector<DocId> slots;
  if (auto it = earlier_.find(live_doc); it != earlier_.end()) slots = it->second;
  slots.push_back(live_doc);
  return slots;
}

bool VersionHistory::IsKeptVersion(DocId doc) const {
  if (doc >= kept_.size() || !kept_[doc]) return false;
  // The versions of an id whose live version was removed last, and not
  // (yet) replaced, are not kept: it is deleted unless the next write says
  // otherwise.
  if (pending_.has_value()) {
    if (auto it = earlier_.find(pending_->doc); it != earlier_.end()) {
      for (DocId slot : it->second) {
        if (slot == doc) return false;
      }
    }
  }
  return true;
}

}  // namespace docsearch::query
