#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_SAMPLE_TALLIES_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_SAMPLE_TALLIES_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"
#include "query_service/compare/document_vectors.h"
#include "query_service/compare/set_comparer.h"

namespace docsearch::query::compare {

// One dictionary key's counts over the two samples of a set comparison.
struct KeyTally {
  uint32_t key;      // Dictionary id.
  uint16_t surface;  // The first form seen, and the documents using it.
  int64_t surface_documents = 0;
  int64_t documents[2] = {0, 0};  // By side (A, B).
  int64_t occurrences[2] = {0, 0};
};

// Which kind of key a tally adds up: DocumentVectors::Terms or ::Phrases.
using VectorEntriesOf = absl::Span<const VectorEntry> (DocumentVectors::*)(DocId) const;

// Adds up one kind (terms or phrases) of both samples of `sets`, from the
// index-time tallies: CompareSets on one node (set_comparer.cc) and a
// shard's TallySets (shard_comparisons.cc) both rank from these counts.
//
// Tallies are found through `slots` (one per dictionary key, all zero on
// entry; DocumentVectors::Scratch), which hold index + 1 while this object
// lives and are all zero again once it is destroyed, so the scratch can be
// reused without clearing the whole array. `slots` must outlive this object.
class SampleTallies {
 public:
  SampleTallies(const SelectedSets& sets, const DocumentVectors& vectors,
                VectorEntriesOf entries_of, std::vector<uint32_t>& slots);
  ~SampleTallies();
  SampleTallies(const SampleTallies&) = delete;
  SampleTallies& operator=(const SampleTallies&) = delete;

  // In the order first seen.
  const std::vector<KeyTally>& keys() const { return keys_; }

  // The index in keys() of dictionary id `key`, if a sampled document has it.
  std::optional<uint32_t> IndexOf(uint32_t key) const;

  // Documents using a form other than the first seen, by (index in keys()
  // << 16 | form): most keys have one form, so this stays small and the
  // forms need no second pass over the samples.
  const absl::flat_hash_map<uint64_t, int64_t>& other_forms() const { return other_forms_; }

 private:
  std::vector<uint32_t>& slots_;
  std::vector<KeyTally> keys_;
  absl::flat_hash_map<uint64_t, int64_t> other_forms_;
};

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_SAMPLE_TALLIES_H_
