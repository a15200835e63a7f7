// A text field's BM25 length normalization, 1 - b + b·dl/avgdl (bm25.h),
// for one search: each field length's value is computed the first time a
// scored document has it and then read from a table, so a document costs a
// load instead of a division. The table holds exactly what the formula
// gives (the same double arithmetic, in the same order), so scores read
// from it equal the computed ones to the bit; a lossy per-document norm
// (Lucene's one-byte norms) would not.
//
// Field lengths cluster (bodies of a few hundred words, titles of a few),
// so a table of the first kTableSize lengths holds nearly every document's;
// longer fields are computed each time.
//
// Thread safety: one search's; Of() fills the table, so it is not shared
// between threads.
#ifndef DOCSEARCH_QUERY_SERVICE_SEARCH_LENGTH_NORMS_H_
#define DOCSEARCH_QUERY_SERVICE_SEARCH_LENGTH_NORMS_H_

#include <cstdint>
#include <vector>

namespace docsearch::query {

class LengthNorms {
 public:
  // 8 KB of doubles: bodies of the benchmark corpora are 128–767 words.
  static constexpr uint32_t kTableSize = 1024;

  LengthNorms(float b, double average_length) : b_(b), average_length_(average_length) {}

  // 1 - b + b·length/avgdl, from the table when `length` is in it.
  double Of(uint32_t length) const {
    if (length >= kTableSize) return Compute(length);
    // Allocated at the first document scored, not per cursor built: many
    // cursors (a word's variants in fields it is rare in) never score one.
    if (table_.empty()) table_.assign(kTableSize, kUnset);
    double& norm = table_[length];
    if (norm == kUnset) norm = Compute(length);
    return norm;
  }

  // The formula itself, for lengths that are not a document's (block and
  // list bounds).
  double Compute(double length) const { return 1.0 - b_ + b_ * length / average_length_; }

 private:
  // No norm is negative while b is in [0, 1]; one that were would be
  // computed again each time, never wrong.
  static constexpr double kUnset = -1;

  float b_;
  double average_length_;
  // Filled on demand by the const Of(): a cache, invisible to callers.
  mutable std::vector<double> table_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_SEARCH_LENGTH_NORMS_H_
