#include "query_service/compare/word_diff.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"

namespace docsearch::query::compare {
namespace {

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::vector<DiffToken> TokenizeForDiff(absl::string_view text) {
  std::vector<DiffToken> tokens;
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    DiffToken token;
    token.start = static_cast<uint32_t>(i);
    if (!IsWordByte(c)) {
      token.end = static_cast<uint32_t>(++i);
      tokens.push_back(token);
      continue;
    }
    while (i < n) {
      const unsigned char d = static_cast<unsigned char>(text[i]);
      if (IsWordByte(d)) {
        token.numeric = token.numeric || IsDigit(d);
        ++i;
      } else if ((d == '.' || d == ',') && i > token.start && i + 1 < n &&
                 IsDigit(static_cast<unsigned char>(text[i - 1])) &&
                 IsDigit(static_cast<unsigned char>(text[i + 1]))) {
        ++i;  // A separator inside a number: "1,000.5".
      } else {
        break;
      }
    }
    token.end = static_cast<uint32_t>(i);
    tokens.push_back(token);
  }
  return tokens;
}

std::optional<std::vector<std::pair<int, int>>> MyersMatches(absl::Span<const uint32_t> a,
                                                             absl::Span<const uint32_t> b,
                                                             int max_cost) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int limit = std::min(n + m, std::max(0, max_cost));
  // v[k + offset]: the furthest x reached on diagonal k = x - y.
  const int offset = limit + 1;
  std::vector<int> v(2 * static_cast<size_t>(limit) + 3, 0);
  // trace[d]: v over diagonals [-d, d] before round d (what backtracking
  // reads), so memory grows with D^2, not with (N + M) D.
  std::vector<std::vector<int>> trace;
  int found = -1;
  for (int d = 0; d <= limit && found < 0; ++d) {
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                  ? v[offset + k + 1]
                  : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return std::nullopt;
  std::vector<std::pair<int, int>> matches;
  int x = n, y = m;
  for (int d = found; d >= 0; --d) {
    const std::vector<int>& before = trace[d];  // Diagonals [-d, d].
    auto at = [&](int k) { return before[k + d]; };
    const int k = x - y;
    int prev_x, prev_y;
    if (d == 0) {
      prev_x = 0;
      prev_y = 0;
    } else {
      const int prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
      prev_x = at(prev_k);
      prev_y = prev_x - prev_k;
    }
    // The snake of round d, after its one edit.
    const int snake_x = d == 0 ? 0 : (prev_x - prev_y == k + 1 ? prev_x : prev_x + 1);
    while (x > snake_x) {
      matches.emplace_back(x - 1, y - 1);
      --x, --y;
    }
    x = prev_x;
    y = prev_y;
  }
  std::reverse(matches.begin(), matches.end());
  return matches;
}

WordDiffResult WordDiff(absl::string_view from, absl::string_view to) {
  const std::vector<DiffToken> from_tokens = TokenizeForDiff(from);
  const std::vector<DiffToken> to_tokens = TokenizeForDiff(to);
  // Tokens as symbols, equal ids for equal text.
  absl::flat_hash_map<absl::string_view, uint32_t> ids;
  auto symbols = [&](absl::string_view text, const std::vector<DiffToken>& tokens) {
    std::vector<uint32_t> out;
    out.reserve(tokens.size());
    for (const DiffToken& token : tokens) {
      auto [it, added] = ids.try_emplace(text.substr(token.start, token.end - token.start),
                                         static_cast<uint32_t>(ids.size()));
      out.push_back(it->second);
    }
    return out;
  };
  const std::vector<uint32_t> a = symbols(from, from_tokens);
  const std::vector<uint32_t> b = symbols(to, to_tokens);
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());

  // The common prefix and suffix cost nothing to match; most revisions
  // change a few words in the middle.
  int prefix = 0;
  while (prefix < n && prefix < m && a[prefix] == b[prefix]) ++prefix;
  int suffix = 0;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix]) {
    ++suffix;
  }
  std::vector<std::pair<int, int>> matches;
  for (int i = 0; i < prefix; ++i) matches.emplace_back(i, i);
  std::optional<std::vector<std::pair<int, int>>> middle =
      MyersMatches(absl::MakeConstSpan(a).subspan(prefix, n - prefix - suffix),
                   absl::MakeConstSpan(b).subspan(prefix, m - prefix - suffix));
  if (middle.has_value()) {
    for (const auto& [i, j] : *middle) matches.emplace_back(prefix + i, prefix + j);
  }
  for (int s = suffix; s > 0; --s) matches.emplace_back(n - s, m - s);

  WordDiffResult result;
  result.from_tokens = n;
  result.to_tokens = m;
  result.common_tokens = static_cast<int>(matches.size());
  if (!matches.empty()) {
    result.from_aligned_start = from_tokens[matches.front().first].start;
    result.from_aligned_end = from_tokens[matches.back().first].end;
    result.to_aligned_start = to_tokens[matches.front().second].start;
    result.to_aligned_end = to_tokens[matches.back().second].end;
  }
  // The edits are the gaps between consecutive matches.
  int next_a = 0, next_b = 0;
  auto gap = [&](int end_a, int end_b) {
    if (next_a == end_a && next_b == end_b) return;
    WordEdit edit;
    edit.kind = next_a == end_a   ? WordEditKind::kInsert
                : next_b == end_b ? WordEditKind::kDelete
                                  : WordEditKind::kReplace;
    auto span = [](const std::vector<DiffToken>& tokens, int begin, int end, size_t text_size,
                   uint32_t* start, uint32_t* stop, bool* numeric) {
      if (begin == end) {
        // Empty: where the other side's words go.
        *start = *stop = begin < static_cast<int>(tokens.size()) ? tokens[begin].start
                         : tokens.empty()                        ? static_cast<uint32_t>(text_size)
                                                                 : tokens.back().end;
        return;
      }
      *start = tokens[begin].start;
      *stop = tokens[end - 1].end;
      for (int t = begin; t < end; ++t) *numeric = *numeric || tokens[t].numeric;
    };
    span(from_tokens, next_a, end_a, from.size(), &edit.from_start, &edit.from_end, &edit.numeric);
    span(to_tokens, next_b, end_b, to.size(), &edit.to_start, &edit.to_end, &edit.numeric);
    result.edits.push_back(edit);
  };
  for (const auto& [i, j] : matches) {
    gap(i, j);
    next_a = i + 1;
    next_b = j + 1;
  }
  gap(n, m);
  return result;
}

}  // namespace docsearch::query::compare
