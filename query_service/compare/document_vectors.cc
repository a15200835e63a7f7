#include "query_service/compare/document_vectors.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "query_service/compare/analyzed_text.h"
#include "query_service/compare/phrase_extractor.h"
#include "query_service/index/annex_set.h"

namespace docsearch::query::compare {
namespace {

constexpr uint32_t kMaxCount = std::numeric_limits<uint16_t>::max();

uint16_t Saturate(int count) {
  return static_cast<uint16_t>(std::min<uint32_t>(static_cast<uint32_t>(count), kMaxCount));
}

void SortByKey(std::vector<VectorEntry>::iterator begin, std::vector<VectorEntry>::iterator end) {
  std::sort(begin, end, [](const VectorEntry& a, const VectorEntry& b) { return a.key < b.key; });
}

}  // namespace

std::optional<uint32_t> VectorDictionary::Find(const std::string& key) const {
  auto it = ids_.find(key);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

uint32_t VectorDictionary::Intern(const std::string& key, const std::string& surface,
                                  uint16_t* surface_index) {
  auto [it, inserted] = ids_.try_emplace(key, static_cast<uint32_t>(keys_.size()));
  if (inserted) {
    keys_.push_back(key);
    surfaces_.emplace_back();
  }
  std::vector<std::string>& forms = surfaces_[it->second];
  auto form = std::find(forms.begin(), forms.end(), surface);
  if (form == forms.end()) {
    if (forms.size() < kMaxCount) {
      forms.push_back(surface);
      form = forms.end() - 1;
    } else {
      form = forms.end() - 1;  // Bounded: a pathological key keeps its last form.
    }
  }
  *surface_index = static_cast<uint16_t>(form - forms.begin());
  return it->second;
}

uint64_t VectorDictionary::MemoryBytes() const {
  uint64_t bytes = ids_.capacity() * (sizeof(std::string) + sizeof(uint32_t) + 1) +
                   keys_.capacity() * sizeof(std::string) +
                   surfaces_.capacity() * sizeof(std::vector<std::string>);
  for (size_t id = 0; id < keys_.size(); ++id) {
    // Keys longer than the small-string buffer live on the heap, twice.
    if (keys_[id].size() >= sizeof(std::string)) bytes += 2 * (keys_[id].capacity() + 1);
    bytes += surfaces_[id].capacity() * sizeof(std::string);
    for (const std::string& form : surfaces_[id]) {
      if (form.size() >= sizeof(std::string)) bytes += form.capacity() + 1;
    }
  }
  return bytes;
}

void SharedTallies::Put(uint32_t doc, DocumentTallies tallies) {
  if (by_doc_.insert_or_assign(doc, std::move(tallies)).second) order_.push_back(doc);
  while (order_.size() > kCapacity) {
    by_doc_.erase(order_.front());
    order_.pop_front();
  }
}

std::optional<DocumentTallies> SharedTallies::Take(uint32_t doc,
                                                   const docsearch::v1::Document& document) {
  auto it = by_doc_.find(doc);
  if (it == by_doc_.end() || it->second.id != document.id() ||
      it->second.content_hash != document.content_hash()) {
    return std::nullopt;
  }
  DocumentTallies tallies = std::move(it->second);
  by_doc_.erase(it);
  // Its entry in order_ goes when it reaches the front: erasing there is a
  // no-op then.
  return tallies;
}

std::function<std::unique_ptr<IndexAnnex>()> DocumentVectors::Factory() {
  auto shared = std::make_shared<SharedTallies>();
  return [shared]() -> std::unique_ptr<IndexAnnex> {
    return std::make_unique<DocumentVectors>(shared);
  };
}

DocumentTallies DocumentVectors::Tally(const docsearch::v1::Document& document) {
  DocumentTallies tallies;
  tallies.id = document.id();
  tallies.content_hash = document.content_hash();
  const AnalyzedText text = AnalyzeDocument(document, analyzer_);
  // Term → (occurrences, first surface), as CompareSets has always counted.
  // Insertion order is kept so that both annexes of a pair intern keys in
  // the same order and so give them the same ids.
  absl::flat_hash_map<absl::string_view, size_t> seen;
  for (const Passage& passage : text.passages) {
    for (const Word& word : passage.words) {
      if (!AnalyzedText::IsVectorWord(word)) continue;
      auto [it, inserted] = seen.try_emplace(word.term, tallies.terms.size());
      if (inserted) {
        tallies.terms.push_back(
            {std::string(word.term), text.Surface(passage, word.start, word.end), 0});
      }
      tallies.terms[it->second].count++;
    }
  }
  for (const Phrase& phrase : ExtractPhrases(text)) {
    if (phrase.stems.size() < 2) continue;
    tallies.phrases.push_back({phrase.key, phrase.forms.front(), phrase.count});
  }
  return tallies;
}

void DocumentVectors::Added(uint32_t doc, const docsearch::v1::Document& document) {
  std::optional<DocumentTallies> taken;
  if (shared_ != nullptr) taken = shared_->Take(doc, document);
  DocumentTallies tallies = taken.has_value() ? *std::move(taken) : Tally(document);

  Slot slot;
  slot.entries.reserve(tallies.terms.size() + tallies.phrases.size());
  for (const DocumentTallies::Entry& term : tallies.terms) {
    VectorEntry out;
    out.key = terms_.Intern(term.key, term.surface, &out.surface);
    out.count = Saturate(term.count);
    slot.entries.push_back(out);
  }
  SortByKey(slot.entries.begin(), slot.entries.end());
  slot.phrase_begin = static_cast<uint32_t>(slot.entries.size());
  for (const DocumentTallies::Entry& phrase : tallies.phrases) {
    VectorEntry out;
    out.key = phrases_.Intern(phrase.key, phrase.surface, &out.surface);
    out.count = Saturate(phrase.count);
    slot.entries.push_back(out);
  }
  SortByKey(slot.entries.begin() + slot.phrase_begin, slot.entries.end());
  slot.entries.shrink_to_fit();

  if (slots_.size() <= doc) {
    slots_.resize(doc + 1);
    present_.resize(doc + 1, false);
  }
  entry_count_ += slot.entries.size();
  slots_[doc] = std::move(slot);
  present_[doc] = true;
  // Analyzed here: the other copy's annex takes it.
  if (shared_ != nullptr && !taken.has_value()) shared_->Put(doc, std::move(tallies));
}

void DocumentVectors::Removed(uint32_t doc, absl::string_view /*id*/) {
  if (!Has(doc)) return;
  entry_count_ -= slots_[doc].entries.size();
  slots_[doc] = Slot{};
  present_[doc] = false;
}

uint64_t DocumentVectors::MemoryBytes() const {
  return terms_.MemoryBytes() + phrases_.MemoryBytes() + slots_.capacity() * sizeof(Slot) +
         present_.capacity() / 8 + entry_count_ * sizeof(VectorEntry);
}

const DocumentVectors* DocumentVectors::Of(IndexSnapshot index) {
  return AnnexSet::Find<DocumentVectors>(index->annex());
}

absl::Span<const VectorEntry> DocumentVectors::Terms(DocId doc) const {
  if (!Has(doc)) return {};
  const Slot& slot = slots_[doc];
  return absl::MakeConstSpan(slot.entries.data(), slot.phrase_begin);
}

absl::Span<const VectorEntry> DocumentVectors::Phrases(DocId doc) const {
  if (!Has(doc)) return {};
  const Slot& slot = slots_[doc];
  return absl::MakeConstSpan(slot.entries.data() + slot.phrase_begin,
                             slot.entries.size() - slot.phrase_begin);
}

std::unique_ptr<DocumentVectors::Scratch> DocumentVectors::BorrowScratch() const {
  std::unique_ptr<Scratch> scratch;
  {
    absl::MutexLock lock(&scratch_mu_);
    if (!scratch_.empty()) {
      scratch = std::move(scratch_.back());
      scratch_.pop_back();
    }
  }
  if (scratch == nullptr) scratch = std::make_unique<Scratch>();
  // The dictionaries only grow (by the writer, never on the copy the caller
  // reads meanwhile): new keys get zero slots.
  scratch->term_slots.resize(terms_.size(), 0);
  scratch->phrase_slots.resize(phrases_.size(), 0);
  return scratch;
}

void DocumentVectors::ReturnScratch(std::unique_ptr<Scratch> scratch) const {
  absl::MutexLock lock(&scratch_mu_);
  scratch_.push_back(std::move(scratch));
}

}  // namespace docsearch::query::compare
