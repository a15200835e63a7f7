#include "query_service/compare/passage_index.h"

#include <algorithm>

#include "query_service/index/annex_set.h"

namespace docsearch::query::compare {

void PassageTable::Insert(DocId doc, const docsearch::v1::Document& document) {
  // Slots arrive in order in each copy; the second copy finds them done.
  if (doc < inserted_) return;
  inserted_ = doc + 1;
  // Fingerprint outside the lock; readers wait only for the insertion.
  std::vector<std::pair<PassageRef, BandKeys>> passages;
  const int paragraphs = std::min(document.paragraphs_size(), 0xffff);
  for (int p = 0; p < paragraphs; ++p) {
    for (PassageFingerprint& passage :
         FingerprintParagraph(document.paragraphs(p).text(), analyzer_)) {
      passages.push_back(
          {PassageRef{doc, static_cast<uint16_t>(p), passage.window}, passage.bands});
    }
  }
  if (passages.empty()) return;
  WriterGuard guard(&mu_);
  for (const auto& [ref, bands] : passages) {
    for (uint64_t key : bands) {
      uint32_t& head = heads_[key];
      entries_.push_back({ref, head});
      head = static_cast<uint32_t>(entries_.size());
    }
    ++passages_;
  }
}

std::vector<PassageRef> PassageTable::Candidates(const std::vector<BandKeys>& bands) const {
  std::vector<PassageRef> found;
  {
    ReaderGuard guard(&mu_);
    for (const BandKeys& keys : bands) {
      for (uint64_t key : keys) {
        auto it = heads_.find(key);
        if (it == heads_.end()) continue;
        for (uint32_t at = it->second; at != 0; at = entries_[at - 1].next) {
          found.push_back(entries_[at - 1].ref);
        }
      }
    }
  }
  auto order = [](const PassageRef& a, const PassageRef& b) {
    return std::tie(a.doc, a.paragraph, a.window) < std::tie(b.doc, b.paragraph, b.window);
  };
  std::sort(found.begin(), found.end(), order);
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

uint64_t PassageTable::MemoryBytes() const {
  ReaderGuard guard(&mu_);
  // A flat_hash_map slot is the pair plus a control byte.
  return entries_.capacity() * sizeof(Entry) +
         heads_.capacity() * (sizeof(std::pair<uint64_t, uint32_t>) + 1);
}

uint64_t PassageTable::passage_count() const {
  ReaderGuard guard(&mu_);
  return passages_;
}

std::function<std::unique_ptr<IndexAnnex>()> PassageIndex::Factory() {
  auto table = std::make_shared<PassageTable>();
  return [table]() -> std::unique_ptr<IndexAnnex> { return std::make_unique<PassageIndex>(table); };
}

const PassageIndex* PassageIndex::Of(const IndexData& data) {
  return AnnexSet::Find<PassageIndex>(data.annex());
}

}  // namespace docsearch::query::compare
