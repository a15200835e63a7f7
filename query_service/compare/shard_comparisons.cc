#include "query_service/compare/shard_comparisons.h"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/text_fingerprint.h"
#include "common/utf8_text.h"
#include "query_service/compare/document_vectors.h"
#include "query_service/compare/duplicate_cluster_index.h"
#include "query_service/compare/near_duplicates.h"
#include "query_service/compare/sample_tallies.h"
#include "query_service/compare/set_comparer.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::SetTally;
using docsearch::v1::TallySetsRequest;
using docsearch::v1::TallySetsResponse;
// Adds up one kind (terms or phrases) of both samples and writes the keys
// `selection` asks for, with a bound on those it leaves out. `slots` (all
// zero, one per dictionary key) is left all zero again.
void TallyKind(const SelectedSets& sets, const DocumentVectors& vectors, VectorEntriesOf entries_of,
               const VectorDictionary& dictionary, const docsearch::v1::TallySelection& selection,
               std::vector<uint32_t>& slots, docsearch::v1::TallyList* out) {
  const SampleTallies sample_tallies(sets, vectors, entries_of, slots);
  const std::vector<KeyTally>& accumulators = sample_tallies.keys();
  std::vector<bool> chosen(accumulators.size(), false);
  const int64_t min_documents[2] = {selection.min_documents_a(), selection.min_documents_b()};
  for (size_t i = 0; i < accumulators.size(); ++i) {
    for (int side = 0; side < 2; ++side) {
      if (min_documents[side] > 0 && accumulators[i].documents[side] >= min_documents[side]) {
        chosen[i] = true;
      }
    }
  }
  for (const std::string& key : selection.keys()) {
    const std::optional<uint32_t> id = dictionary.Find(key);
    if (!id.has_value()) continue;
    const std::optional<uint32_t> index = sample_tallies.IndexOf(*id);
    if (index.has_value()) chosen[*index] = true;
  }
  const size_t candidates = static_cast<size_t>(std::max(0, selection.candidates()));
  if (candidates > 0) {
    for (int side = 0; side < 2; ++side) {
      std::vector<std::pair<int64_t, uint32_t>> list;  // (documents of the side, accumulator)
      for (uint32_t i = 0; i < accumulators.size(); ++i) {
        if (accumulators[i].documents[side] > 0)
          list.push_back({accumulators[i].documents[side], i});
      }
      const size_t count = std::min(list.size(), candidates);
      std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(count), list.end(),
                        [&](const auto& x, const auto& y) {
                          if (x.first != y.first) return x.first > y.first;
                          return dictionary.key(accumulators[x.second].key) <
                                 dictionary.key(accumulators[y.second].key);
                        });
      for (size_t i = 0; i < count; ++i) chosen[list[i].second] = true;
    }
  }
  int64_t unreturned[2] = {0, 0};
  std::vector<uint32_t> reported;  // Accumulator indexes.
  for (uint32_t i = 0; i < accumulators.size(); ++i) {
    if (chosen[i]) {
      reported.push_back(i);
      continue;
    }
    for (int side = 0; side < 2; ++side) {
      unreturned[side] = std::max(unreturned[side], accumulators[i].documents[side]);
    }
  }
  out->set_unreturned_documents_a(unreturned[0]);
  out->set_unreturned_documents_b(unreturned[1]);
  std::sort(reported.begin(), reported.end(), [&](uint32_t x, uint32_t y) {
    return dictionary.key(accumulators[x].key) < dictionary.key(accumulators[y].key);
  });
  absl::flat_hash_map<uint32_t, SetTally*> tallies;  // By accumulator index.
  for (uint32_t i : reported) {
    const KeyTally& accumulator = accumulators[i];
    SetTally* tally = out->add_tallies();
    tally->set_key(dictionary.key(accumulator.key));
    if (selection.keys_only()) continue;
    tally->set_documents_a(accumulator.documents[0]);
    tally->set_documents_b(accumulator.documents[1]);
    tally->set_occurrences_a(accumulator.occurrences[0]);
    tally->set_occurrences_b(accumulator.occurrences[1]);
    auto* form = tally->add_surfaces();
    form->set_text(dictionary.surface(accumulator.key, accumulator.surface));
    form->set_documents(accumulator.surface_documents);
    tallies[i] = tally;
  }
  for (const auto& [packed, documents] : sample_tallies.other_forms()) {
    const uint32_t i = static_cast<uint32_t>(packed >> 16);
    auto it = tallies.find(i);
    if (it == tallies.end()) continue;
    auto* form = it->second->add_surfaces();
    form->set_text(dictionary.surface(accumulators[i].key, static_cast<uint16_t>(packed & 0xFFFF)));
    form->set_documents(documents);
  }
}

}  // namespace

absl::StatusOr<TallySetsResponse> TallySets(const TallySetsRequest& request, IndexSnapshot index,
                                            TextAnalyzer& analyzer, const QueryLimits& limits) {
  const DocumentVectors* vectors = DocumentVectors::Of(index);
  if (vectors == nullptr) {
    return absl::FailedPreconditionError(
        "CompareSets across shards needs the per-document tallies on every replica: start "
        "query_service with --set_tallies (the default)");
  }
  const int64_t max_documents =
      request.sets().max_documents() == 0 ? kDefaultSetDocuments : request.sets().max_documents();
  const std::array<size_t, 2> samples = {
      static_cast<size_t>(request.sample_a() < 0 ? max_documents : request.sample_a()),
      static_cast<size_t>(request.sample_b() < 0 ? max_documents : request.sample_b())};
  absl::StatusOr<SelectedSets> sets = SelectSets(request.sets(), index, analyzer, limits, samples);
  if (!sets.ok()) return sets.status();
  TallySetsResponse response;
  response.set_matching_a(sets->matching[0]);
  response.set_matching_b(sets->matching[1]);
  response.set_analyzed_a(static_cast<int64_t>(sets->sample[0].size()));
  response.set_analyzed_b(static_cast<int64_t>(sets->sample[1].size()));
  std::unique_ptr<DocumentVectors::Scratch> scratch = vectors->BorrowScratch();
  TallyKind(*sets, *vectors, &DocumentVectors::Terms, vectors->terms(), request.terms(),
            scratch->term_slots, response.mutable_terms());
  TallyKind(*sets, *vectors, &DocumentVectors::Phrases, vectors->phrases(), request.phrases(),
            scratch->phrase_slots, response.mutable_phrases());
  vectors->ReturnScratch(std::move(scratch));
  return response;
}

absl::StatusOr<docsearch::v1::GetFingerprintsResponse> ShardFingerprints(
    const docsearch::v1::GetFingerprintsRequest& request, IndexSnapshot index,
    TextAnalyzer& analyzer, const QueryLimits& limits) {
  struct Selected {
    std::string id;
    DocId doc = 0;
    bool filtered_out = false;
  };
  std::vector<Selected> docs;
  if (!request.ids().empty()) {
    for (const std::string& id : request.ids()) {
      const std::optional<DocId> doc = index->FindDoc(id);
      if (!doc.has_value()) {
        return absl::NotFoundError(
            absl::StrCat("id: no document with id '", TruncatedForMessage(id), "'"));
      }
      docs.push_back({id, *doc});
    }
  } else {
    // The selection FindNearDuplicates makes on one node.
    docsearch::v1::FindNearDuplicatesRequest select;
    if (request.has_filter()) *select.mutable_filter() = request.filter();
    absl::StatusOr<NearDuplicateCandidates> candidates =
        SelectNearDuplicateCandidates(select, index, analyzer, limits);
    if (!candidates.ok()) return candidates.status();
    if (request.mark_filtered()) {
      // Every live document; those the filter passed as they are.
      std::vector<bool> passed(index->live().size(), false);
      for (const auto& entry : candidates->entries) passed[entry.doc] = true;
      for (DocId doc = 0; doc < index->live().size(); ++doc) {
        if (!index->live()[doc]) continue;
        std::string id(index->documents().id(doc));
        if (id != request.exclude_id()) docs.push_back({std::move(id), doc, !passed[doc]});
      }
    } else {
      for (const auto& entry : candidates->entries) {
        if (entry.id != request.exclude_id()) docs.push_back({entry.id, entry.doc});
      }
    }
  }
  const DuplicateClusterIndex* kept = DuplicateClusterIndex::Of(*index);
  const bool near = HasMinHash(request.near());
  docsearch::v1::GetFingerprintsResponse response;
  if (kept != nullptr) response.set_duplicate_resemblance(kept->threshold());
  for (const auto& [id, doc, filtered_out] : docs) {
    docsearch::v1::Fingerprint fingerprint;
    std::optional<docsearch::v1::Document> document;
    if (index->documents().minhash(doc).size() == kMinHashSize) {
      fingerprint = index->documents().fingerprint(doc);
    } else {
      // Stored without one: computed as FindNearDuplicates computes it.
      absl::StatusOr<docsearch::v1::Document> loaded = index->documents().Load(doc);
      if (!loaded.ok()) return loaded.status();
      document = *std::move(loaded);
      fingerprint = ComputeTextFingerprint(FingerprintedText(*document));
    }
    if (near && MinHashResemblance(request.near(), fingerprint) < request.min_resemblance()) {
      continue;
    }
    auto* entry = response.add_entries();
    entry->set_id(id);
    *entry->mutable_fingerprint() = std::move(fingerprint);
    entry->set_filtered_out(filtered_out);
    if (!request.canonical_keys()) continue;
    // The key the kept graph holds, else the one it would hold.
    std::optional<DuplicateMember> member;
    if (kept != nullptr) {
      std::optional<NearSlot> slot = kept->graph().SlotOf(doc);
      if (slot.has_value()) member = std::move(slot->member);
    }
    if (!member.has_value()) {
      if (!document.has_value()) {
        absl::StatusOr<docsearch::v1::Document> loaded = index->documents().Load(doc);
        if (!loaded.ok()) return loaded.status();
        document = *std::move(loaded);
      }
      member = DuplicateMemberOf(*document);
    }
    entry->set_day(member->day);
    entry->set_text_bytes(member->text_bytes);
  }
  return response;
}

}  // namespace docsearch::query::compare
