// What changed between two versions of a document: paragraphs added,
// removed, moved or reworded, with the word edits inside reworded ones.
//
// Paragraphs are compared by their text with whitespace collapsed.
//  1. A Myers diff over the paragraph sequence (word_diff.h) finds the
//     paragraphs equal in both and in the same order: unchanged.
//  2. Of the rest, a paragraph whose text is in the other version too is
//     moved.
//  3. The remaining pairs are scored by the share of words a word diff
//     keeps (2 × common / both); pairs from kMinRewordedSimilarity up are
//     taken best first, one-to-one, as reworded (CHANGED) with their edits.
//     Only when at most kMaxRewordCandidates pairs remain are they all
//     scored (a bag-of-words bound skips hopeless pairs first); past that,
//     the leftovers are added and removed paragraphs.
//  4. The others are added or removed.
//
// Cost for two 10-paragraph versions with a few edits: microseconds to a
// millisecond (bench/compare_bench.cc).
//
// Thread safety: pure functions.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_VERSION_DIFF_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_VERSION_DIFF_H_

#include "absl/strings/string_view.h"
#include "docsearch/v1/comparison.pb.h"
#include "docsearch/v1/document.pb.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace docsearch::query::compare {

// Least share of words kept for two paragraphs to count as one reworded.
inline constexpr double kMinRewordedSimilarity = 0.5;
// Most (removed × added) paragraph pairs scored for rewording.
inline constexpr int kMaxRewordCandidates = 10000;

// Appends the word edits that turn `from` into `to` (word_diff.h) to `out`.
void AppendWordEdits(absl::string_view from, absl::string_view to,
                     google::protobuf::RepeatedPtrField<docsearch::v1::WordEdit>* out);

// The title edits, paragraph changes and unchanged count of `to` against
// `from` (the response's id and version descriptions are left to the
// caller).
docsearch::v1::CompareVersionsResponse DiffVersions(const docsearch::v1::Document& from,
                                                    const docsearch::v1::Document& to);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_VERSION_DIFF_H_
