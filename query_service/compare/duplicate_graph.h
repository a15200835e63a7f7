// The near-duplicate graph of the index's slots: an edge joins two documents
// whose MinHash resemblance (common/text_fingerprint.h) is at least a fixed
// threshold. Clusters are its connected components (duplicate_clusters.h).
//
// Edges are found by locality-sensitive hashing: the 64 MinHash values cut
// into kDuplicateBands bands of 2 rows; documents sharing a band are
// candidates, each checked on the whole signature. A pair at resemblance 0.5
// becomes a candidate with probability > 0.9998, at 0.45 with 0.998, at 0.3
// with 0.95. Whether two slots are joined depends on the pair only (their
// signatures and the threshold), never on the order of insertion, so a
// graph built document by document equals one built from a snapshot.
//
// Per slot the graph keeps a compact signature (the low 16 bits of each
// MinHash value: a chance equality has probability 1/65536 per value, far
// below MinHash's own error), the member's canonical key, its band entries
// and its edges: with both copies' clusters, ~960 bytes a document measured
// at 100,000 documents (docs/BENCHMARKS.md). Like the passage table, it only grows: a slot that
// dies keeps its entries (a slot's document never changes) and the clusters skip slots that are not
// live.
//
// Thread safety: one writer (the index's, through the annex). The graph is
// shared by the index's two copies, so a reader of one copy may look up a
// foreign signature (Near, SignatureOf) while the writer inserts into the
// other: those (and MemoryBytes) take a reader lock and Insert a writer
// lock. The other accessors are for the writer only.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_DUPLICATE_GRAPH_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_DUPLICATE_GRAPH_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "docsearch/v1/document.pb.h"
#include "query_service/index/index_data.h"

namespace docsearch::query::compare {

inline constexpr int kDuplicateBands = 32;
// The server's default --duplicate_resemblance. Calibrated on the
// development set: every pair of distinct statements there resembles less
// than 0.26; mirrors and re-renderings of one statement resemble 0.78 or
// more, partial copies (one paragraph of three, a lead paragraph lost) 0.36
// to 0.49.
inline constexpr double kDefaultDuplicateResemblance = 0.5;

using CompactSignature = std::array<uint16_t, 64>;

// What decides which member of a cluster is canonical.
struct DuplicateMember {
  std::string id;
  // Days since the epoch of `published`; kNoDate when unknown.
  int32_t day = kNoDate;
  // Bytes of the fingerprinted text (the paragraphs): the more complete copy
  // has more.
  uint32_t text_bytes = 0;
};

// The member of `document` (its date, its paragraphs' length, its id).
DuplicateMember DuplicateMemberOf(const docsearch::v1::Document& document);

// True when `a` is the better canonical member: the earliest published
// (undated last), then the most complete, then the smaller id.
bool CanonicalBefore(const DuplicateMember& a, const DuplicateMember& b);

// The compact signature of `fingerprint`; nullopt when it has no MinHash
// (a body without words).
std::optional<CompactSignature> CompactSignatureOf(const docsearch::v1::Fingerprint& fingerprint);

// Share of equal values of two compact signatures.
double CompactResemblance(const CompactSignature& a, const CompactSignature& b);

// The fingerprint `document` is clustered by: its stored one, else computed
// from its paragraphs by the same scheme.
docsearch::v1::Fingerprint ClusteringFingerprint(const docsearch::v1::Document& document);

// A slot found near a signature, with its member copied out.
struct NearSlot {
  DocId doc = 0;
  DuplicateMember member;
  CompactSignature signature{};
  bool has_signature = true;  // False: a body without words, no edges.
};

class DuplicateGraph {
 public:
  explicit DuplicateGraph(double threshold) : threshold_(threshold) {}

  // Inserts slot `doc` and its edges to the slots inserted before, unless
  // inserted already (the index's second copy finds it done). Slots are
  // inserted in increasing order; a slot skipped stays without edges.
  void Insert(DocId doc, DuplicateMember member, const docsearch::v1::Fingerprint& fingerprint)
      ABSL_LOCKS_EXCLUDED(mutex_);

  // The inserted slots an edge would join to a document of `signature`
  // (one of another index, such as another shard's): the same band
  // lookups and whole-signature check as Insert, so a slot is returned
  // exactly when Insert would have joined the two. Slots dead in the
  // caller's copy are returned too (the caller knows which are live), in
  // increasing order. Safe beside the writer.
  std::vector<NearSlot> Near(const CompactSignature& signature) const ABSL_LOCKS_EXCLUDED(mutex_);
  // Slot `doc`'s member and signature; nullopt for a slot not inserted.
  // Safe beside the writer.
  std::optional<NearSlot> SlotOf(DocId doc) const ABSL_LOCKS_EXCLUDED(mutex_);

  // The slots joined to `doc` (any order); empty for a slot never inserted.
  const std::vector<DocId>& Neighbors(DocId doc) const;
  // The member inserted at `doc`.
  const DuplicateMember& Member(DocId doc) const { return slots_[doc].member; }
  bool Has(DocId doc) const { return doc < slots_.size() && slots_[doc].inserted; }

  double threshold() const { return threshold_; }
  uint64_t edge_count() const { return edges_; }
  uint64_t MemoryBytes() const;

 private:
  struct Slot {
    DuplicateMember member;
    std::vector<DocId> neighbors;
    bool inserted = false;
    bool has_signature = false;
  };
  struct BandEntry {
    DocId doc = 0;
    uint32_t next = 0;  // Index + 1 of the next entry of the same key; 0 ends.
  };

  // The candidates sharing a band with `signature`, sorted, unique; its
  // band keys in `keys`.
  std::vector<DocId> Candidates(const CompactSignature& signature,
                                std::array<uint32_t, kDuplicateBands>* keys) const
      ABSL_SHARED_LOCKS_REQUIRED(mutex_);

  const double threshold_;
  // Only the writer changes the fields below, under an exclusive lock; its
  // own reads need no lock, others' take a shared one.
  mutable absl::Mutex mutex_;
  std::vector<Slot> slots_;                   // By DocId.
  std::vector<CompactSignature> signatures_;  // By DocId.
  // Band key → index + 1 of its newest entry, a list threaded through
  // entries_ (one map slot per key instead of a vector per key). Keys are
  // 32 bits: two bands colliding only add a candidate, which is checked.
  absl::flat_hash_map<uint32_t, uint32_t> heads_;
  std::vector<BandEntry> entries_;
  DocId next_doc_ = 0;  // Slots below were handled.
  uint64_t edges_ = 0;
};

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_DUPLICATE_GRAPH_H_
