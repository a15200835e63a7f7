#include "query_service/compare/duplicate_graph.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "common/text_fingerprint.h"
#include "query_service/index/field_schema.h"

namespace docsearch::query::compare {
namespace {

constexpr int kBandRows = kMinHashSize / kDuplicateBands;

uint32_t BandKey(const CompactSignature& signature, int band) {
  uint64_t key = static_cast<uint64_t>(band) + 1;
  for (int r = 0; r < kBandRows; ++r) key = (key << 16) | signature[band * kBandRows + r];
  // SplitMix64's finalizer: the band's bits spread over the 32 kept.
  key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9ULL;
  key = (key ^ (key >> 27)) * 0x94D049BB133111EBULL;
  return static_cast<uint32_t>(key ^ (key >> 31));
}

}  // namespace

DuplicateMember DuplicateMemberOf(const docsearch::v1::Document& document) {
  DuplicateMember member;
  member.id = document.id();
  int day = 0;
  if (document.has_published() && DateToDays(document.published(), &day)) member.day = day;
  uint64_t bytes = 0;
  for (const auto& paragraph : document.paragraphs()) bytes += paragraph.text().size();
  member.text_bytes = static_cast<uint32_t>(std::min<uint64_t>(bytes, UINT32_MAX));
  return member;
}

bool CanonicalBefore(const DuplicateMember& a, const DuplicateMember& b) {
  const bool a_dated = a.day != kNoDate;
  const bool b_dated = b.day != kNoDate;
  if (a_dated != b_dated) return a_dated;
  if (a.day != b.day) return a.day < b.day;
  if (a.text_bytes != b.text_bytes) return a.text_bytes > b.text_bytes;
  return a.id < b.id;
}

std::optional<CompactSignature> CompactSignatureOf(const docsearch::v1::Fingerprint& fingerprint) {
  if (!HasMinHash(fingerprint)) return std::nullopt;
  CompactSignature signature;
  for (int i = 0; i < kMinHashSize; ++i) {
    signature[i] = KeptMinHashBits(fingerprint.minhash(i));
  }
  return signature;
}

double CompactResemblance(const CompactSignature& a, const CompactSignature& b) {
  int equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

docsearch::v1::Fingerprint ClusteringFingerprint(const docsearch::v1::Document& document) {
  if (HasMinHash(document.fingerprint())) return document.fingerprint();
  return ComputeTextFingerprint(FingerprintedText(document));
}

std::vector<DocId> DuplicateGraph::Candidates(const CompactSignature& signature,
                                              std::array<uint32_t, kDuplicateBands>* keys) const {
  std::vector<DocId> candidates;
  for (int band = 0; band < kDuplicateBands; ++band) {
    (*keys)[band] = BandKey(signature, band);
    auto it = heads_.find((*keys)[band]);
    if (it == heads_.end()) continue;
    for (uint32_t at = it->second; at != 0; at = entries_[at - 1].next) {
      candidates.push_back(entries_[at - 1].doc);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

void DuplicateGraph::Insert(DocId doc, DuplicateMember member,
                            const docsearch::v1::Fingerprint& fingerprint) {
  if (doc < next_doc_) return;
  std::optional<CompactSignature> signature = CompactSignatureOf(fingerprint);
  absl::MutexLock lock(&mutex_);
  next_doc_ = doc + 1;
  slots_.resize(doc + 1);
  signatures_.resize(doc + 1);
  Slot& slot = slots_[doc];
  slot.member = std::move(member);
  slot.inserted = true;
  if (!signature.has_value()) return;  // No words: a near-copy of nothing.
  slot.has_signature = true;
  signatures_[doc] = *signature;

  std::array<uint32_t, kDuplicateBands> keys;
  for (DocId other : Candidates(*signature, &keys)) {
    if (CompactResemblance(*signature, signatures_[other]) >= threshold_) {
      slot.neighbors.push_back(other);
      slots_[other].neighbors.push_back(doc);
      ++edges_;
    }
  }
  for (uint32_t key : keys) {
    uint32_t& head = heads_[key];
    entries_.push_back({doc, head});
    head = static_cast<uint32_t>(entries_.size());
  }
}

std::vector<NearSlot> DuplicateGraph::Near(const CompactSignature& signature) const {
  absl::ReaderMutexLock lock(&mutex_);
  std::array<uint32_t, kDuplicateBands> keys;
  std::vector<NearSlot> near;
  for (DocId other : Candidates(signature, &keys)) {
    if (CompactResemblance(signature, signatures_[other]) >= threshold_) {
      near.push_back({other, slots_[other].member, signatures_[other]});
    }
  }
  return near;
}

std::optional<NearSlot> DuplicateGraph::SlotOf(DocId doc) const {
  absl::ReaderMutexLock lock(&mutex_);
  if (doc >= slots_.size() || !slots_[doc].inserted) return std::nullopt;
  return NearSlot{doc, slots_[doc].member, signatures_[doc], slots_[doc].has_signature};
}

const std::vector<DocId>& DuplicateGraph::Neighbors(DocId doc) const {
  static const std::vector<DocId>* const kNone = new std::vector<DocId>();
  return doc < slots_.size() ? slots_[doc].neighbors : *kNone;
}

uint64_t DuplicateGraph::MemoryBytes() const {
  // Index statistics read it from a reader's copy while the writer inserts.
  absl::ReaderMutexLock lock(&mutex_);
  uint64_t bytes = slots_.capacity() * sizeof(Slot) +
                   signatures_.capacity() * sizeof(CompactSignature) +
                   entries_.capacity() * sizeof(BandEntry) +
                   heads_.capacity() * (sizeof(std::pair<uint32_t, uint32_t>) + 1);
  for (const Slot& slot : slots_) {
    bytes += slot.neighbors.capacity() * sizeof(DocId) + slot.member.id.capacity();
  }
  return bytes;
}

}  // namespace docsearch::query::compare
