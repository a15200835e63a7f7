// The live documents of one index copy, found by id.
//
// A hash map from id to DocId held every id a second time (the store keeps
// it in the slot's record, document_store.h): a 32-byte std::string and a
// DocId, 40 bytes a slot of a table whose load stays between 7/16 and 7/8,
// so about 86 MB a copy at a million documents, twice over for the index's
// two copies. Here the table holds the 4-byte DocId alone; hashing or
// comparing an entry reads its id from the store (the record's first field,
// one pointer away), so lookups by id cost what they did plus that read.
//
// Contract: a DocId inserted is a slot of the store, which never changes a
// slot's id; at most one live entry per id (Insert after Erase when a
// document is replaced). Writes from one thread at a time; const reads may
// run alongside each other and alongside the store's appends for the other
// copy of the index (they read only slots this copy holds).
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_LIVE_IDS_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_LIVE_IDS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"
#include "query_service/index/document_store.h"
#include "query_service/index/posting_list.h"

namespace docsearch::query {

class LiveIds {
 public:
  // Reads ids from `store`, which must outlive this and hold every DocId
  // inserted before it is inserted.
  explicit LiveIds(const DocumentStore* store) : docs_(0, IdHash{store}, IdEqual{store}) {}

  // The live document whose id is `id`.
  std::optional<DocId> Find(absl::string_view id) const {
    auto it = docs_.find(id);
    if (it == docs_.end()) return std::nullopt;
    return *it;
  }
  bool Contains(absl::string_view id) const { return docs_.contains(id); }

  // Makes `doc` (already in the store) the live document of its id, which
  // must have no live document (Erase it first).
  void Insert(DocId doc) { docs_.insert(doc); }

  // Forgets the live document of `id`; false when there was none.
  bool Erase(absl::string_view id) { return docs_.erase(id) > 0; }

  size_t size() const { return docs_.size(); }

  // Bytes of the table: each slot a DocId and a control byte.
  uint64_t MemoryBytes() const { return docs_.capacity() * (sizeof(DocId) + 1); }

 private:
  static absl::string_view StoredId(const DocumentStore* store, DocId doc) {
    const std::string_view id = store->id(doc);
    return absl::string_view(id.data(), id.size());
  }

  // A DocId hashes and compares as its stored id, so that a lookup by id
  // (heterogeneous: `is_transparent`) finds it.
  struct IdHash {
    using is_transparent = void;
    size_t operator()(absl::string_view id) const { return absl::Hash<absl::string_view>{}(id); }
    size_t operator()(DocId doc) const { return (*this)(StoredId(store, doc)); }
    const DocumentStore* store;
  };
  struct IdEqual {
    using is_transparent = void;
    // Two DocIds: the same entry only if the same slot (one live slot an id).
    bool operator()(DocId a, DocId b) const { return a == b; }
    bool operator()(DocId doc, absl::string_view id) const { return StoredId(store, doc) == id; }
    bool operator()(absl::string_view id, DocId doc) const { return StoredId(store, doc) == id; }
    const DocumentStore* store;
  };

  absl::flat_hash_set<DocId, IdHash, IdEqual> docs_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_LIVE_IDS_H_
