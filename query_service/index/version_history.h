// The versions of each document id kept when the id is written again with
// new content: an annex (index_annex.h) that remembers, per live id, the
// slots of its earlier versions.
//
// A replacement leaves the old version's stored document in its (dead) slot
// of the DocumentStore, which never drops a frame, so keeping a version
// costs only its slot number here; ListVersions and CompareVersions load
// the old versions from there. At most `max_versions` versions are listed
// per id, the live one included; the oldest is forgotten first (its frame
// stays in the store until a restart, like every dead slot's). Deleting an
// id forgets its history; writing it again later starts a new one.
//
// Durability: the write-ahead log replays every upsert in order, which
// rebuilds the same history; a snapshot writes the kept earlier versions of
// each id before its live version (IsKeptVersion), so loading it replays
// them in the same order (storage/snapshot.h).
//
// IndexData::Add tells a replacement as Removed(old slot) immediately
// followed by Added(new slot) with the same id; a delete is a Removed that
// no Added of that id follows. The history of a removed id is therefore
// kept until the next call shows which it was.
//
// Memory: nothing for an id written once (most ids); for an id with kept
// earlier versions, one hash table entry (its live slot and a vector of the
// earlier slots); per slot a bit. (It used to keep, for every live id, a
// node holding its key and, per slot, a pointer to it, whether or not the
// id ever had a second version.) Each copy of the index has its own.
//
// Thread safety: as IndexAnnex: the index's one writer calls Added and
// Removed on a copy no reader uses; the const methods from any reader.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_VERSION_HISTORY_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_VERSION_HISTORY_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "query_service/index/index_annex.h"
#include "query_service/index/index_data.h"

namespace docsearch::query {

inline constexpr int kDefaultMaxVersions = 10;

class VersionHistory final : public IndexAnnex {
 public:
  // Makes one history per copy of the index (SearchIndex::AttachAnnex).
  // `max_versions` >= 1 (1 keeps no earlier version).
  static std::function<std::unique_ptr<IndexAnnex>()> Factory(int max_versions);

  explicit VersionHistory(int max_versions) : max_versions_(max_versions < 1 ? 1 : max_versions) {}

  void Added(uint32_t doc, const docsearch::v1::Document& document) override;
  void Removed(uint32_t doc, absl::string_view id) override;
  uint64_t MemoryBytes() const override;

  // The history attached to `data` (alone or in an AnnexSet), or null.
  static const VersionHistory* Of(const IndexData& data);

  // The slots of the versions of the document live at `live_doc`
  // (IndexData::FindDoc), oldest first, `live_doc` last.
  std::vector<DocId> Versions(DocId live_doc) const;

  // True for the dead slot of an earlier version still listed for its live
  // id (what a snapshot must keep).
  bool IsKeptVersion(DocId doc) const;

  int max_versions() const { return max_versions_; }

 private:
  // The slot removed last and its id, until the next call tells whether it
  // was replaced (an Added of the same id) or deleted.
  struct PendingRemoval {
    DocId doc;
    std::string id;
  };
  // Forgets the history of the pending removal: it was a delete.
  void SettlePendingAsDelete();
  void SetKept(DocId doc, bool kept);

  const int max_versions_;
  // Earlier versions still listed (oldest first), by the slot of their id's
  // live version; no entry for an id without one.
  absl::flat_hash_map<DocId, std::vector<DocId>> earlier_;
  std::vector<bool> kept_;  // By DocId: listed in earlier_.
  std::optional<PendingRemoval> pending_;
  uint64_t earlier_count_ = 0;  // Slots listed in earlier_.
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_VERSION_HISTORY_H_
