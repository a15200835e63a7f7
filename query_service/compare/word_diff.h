// A word-level diff of two texts: Myers' O(ND) difference algorithm over
// word tokens, reporting the edits (inserted, deleted, replaced runs of
// words) with their byte spans in both texts.
//
// Tokens: a word is a run of letters, digits and non-ASCII bytes (so
// accented words stay whole); digits joined by '.' or ',' ("1,000.5",
// "3.2") make one number; every other non-space byte is a token of its own
// (punctuation edits show). Whitespace never makes an edit. Tokens compare
// exactly, so a change of case is an edit.
//
// Cost: O((N + M) D) time and O(D^2) memory for N and M tokens and D
// inserted plus deleted tokens, after the common prefix and suffix are
// stripped. Past kMaxDiffCost (two paragraphs rewritten throughout) the
// middle is reported as one replacement rather than searched further.
//
// Thread safety: pure functions.
#ifndef DOCSEARCH_QUERY_SERVICE_COMPARE_WORD_DIFF_H_
#define DOCSEARCH_QUERY_SERVICE_COMPARE_WORD_DIFF_H_

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace docsearch::query::compare {

// Edit distance (insertions plus deletions) past which WordDiff stops
// searching for the shortest script: bounds its memory to ~16 MB.
inline constexpr int kMaxDiffCost = 2048;

struct DiffToken {
  uint32_t start = 0;  // Byte range in the text.
  uint32_t end = 0;
  bool numeric = false;  // Holds a digit.
};

// The tokens of `text`, in order.
std::vector<DiffToken> TokenizeForDiff(absl::string_view text);

// Pairs (i, j) with a[i] == b[j] of a longest common subsequence of `a`
// and `b`, increasing in both; nullopt when more than `max_cost`
// insertions plus deletions are needed.
std::optional<std::vector<std::pair<int, int>>> MyersMatches(absl::Span<const uint32_t> a,
                                                             absl::Span<const uint32_t> b,
                                                             int max_cost = kMaxDiffCost);

enum class WordEditKind { kInsert, kDelete, kReplace };

// One run of changed tokens. For an insertion the `from` span is empty and
// sits where the words were inserted; likewise `to` for a deletion.
struct WordEdit {
  WordEditKind kind = WordEditKind::kReplace;
  uint32_t from_start = 0;
  uint32_t from_end = 0;
  uint32_t to_start = 0;
  uint32_t to_end = 0;
  // A changed token on either side holds a digit: a number changed.
  bool numeric = false;
};

struct WordDiffResult {
  std::vector<WordEdit> edits;  // In text order.
  int from_tokens = 0;
  int to_tokens = 0;
  int common_tokens = 0;  // Tokens both keep (the LCS length).
  // Byte ranges from the first to the last kept token in each text (empty
  // when nothing is kept): where the two texts align.
  uint32_t from_aligned_start = 0;
  uint32_t from_aligned_end = 0;
  uint32_t to_aligned_start = 0;
  uint32_t to_aligned_end = 0;
  // 2 × common / (from + to): 1 for equal token sequences, 0 for nothing
  // in common (1 for two empty texts).
  double Similarity() const {
    const int total = from_tokens + to_tokens;
    return total == 0 ? 1.0 : 2.0 * common_tokens / total;
  }
};

// The edits that turn `from` into `to`.
WordDiffResult WordDiff(absl::string_view from, absl::string_view to);

}  // namespace docsearch::query::compare

#endif  // DOCSEARCH_QUERY_SERVICE_COMPARE_WORD_DIFF_H_
