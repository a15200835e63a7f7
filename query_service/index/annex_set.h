// Several annexes (index_annex.h) attached to the index as one: each is
// told of every Add and Remove, in the order given, and readers find the
// one they need by type with Find<T>.
//
// Thread safety: as IndexAnnex (the index's one writer calls Added and
// Removed; readers only read).
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_ANNEX_SET_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_ANNEX_SET_H_

#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "query_service/index/index_annex.h"

namespace docsearch::query {

class AnnexSet final : public IndexAnnex {
 public:
  using Factory = std::function<std::unique_ptr<IndexAnnex>()>;

  explicit AnnexSet(std::vector<std::unique_ptr<IndexAnnex>> members)
      : members_(std::move(members)) {}

  // A factory of sets, each holding one annex of every factory in `factories`
  // (for SearchIndex::AttachAnnex, which makes one per copy of the index).
  static Factory Of(std::vector<Factory> factories) {
    return [factories = std::move(factories)]() -> std::unique_ptr<IndexAnnex> {
      std::vector<std::unique_ptr<IndexAnnex>> members;
      for (const Factory& make : factories) members.push_back(make());
      return std::make_unique<AnnexSet>(std::move(members));
    };
  }

  void Added(uint32_t doc, const docsearch::v1::Document& document) override {
    for (auto& member : members_) member->Added(doc, document);
  }
  void Removed(uint32_t doc, absl::string_view id) override {
    for (auto& member : members_) member->Removed(doc, id);
  }
  uint64_t MemoryBytes() const override {
    uint64_t bytes = 0;
    for (const auto& member : members_) bytes += member->MemoryBytes();
    return bytes;
  }

  // `annex` when it is a T, else its member that is a T when it is a set,
  // else null.
  template <typename T>
  static const T* Find(const IndexAnnex* annex) {
    if (const T* found = dynamic_cast<const T*>(annex)) return found;
    if (const auto* set = dynamic_cast<const AnnexSet*>(annex)) {
      for (const auto& member : set->members_) {
        if (const T* found = dynamic_cast<const T*>(member.get())) return found;
      }
    }
    return nullptr;
  }

 private:
  std::vector<std::unique_ptr<IndexAnnex>> members_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_ANNEX_SET_H_
