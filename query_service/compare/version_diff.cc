#include "query_service/compare/version_diff.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "query_service/compare/word_diff.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::Document;
using docsearch::v1::ParagraphChange;

docsearch::v1::WordEditKind KindOf(WordEditKind kind) {
  switch (kind) {
    case WordEditKind::kInsert:
      return docsearch::v1::WORD_EDIT_KIND_INSERT;
    case WordEditKind::kDelete:
      return docsearch::v1::WORD_EDIT_KIND_DELETE;
    case WordEditKind::kReplace:
      return docsearch::v1::WORD_EDIT_KIND_REPLACE;
  }
  return docsearch::v1::WORD_EDIT_KIND_UNSPECIFIED;
}

void AppendEdits(const WordDiffResult& diff, absl::string_view from, absl::string_view to,
                 google::protobuf::RepeatedPtrField<docsearch::v1::WordEdit>* out) {
  for (const WordEdit& edit : diff.edits) {
    docsearch::v1::WordEdit* e = out->Add();
    e->set_kind(KindOf(edit.kind));
    e->set_from_text(std::string(from.substr(edit.from_start, edit.from_end - edit.from_start)));
    e->set_to_text(std::string(to.substr(edit.to_start, edit.to_end - edit.to_start)));
    e->set_from_start(static_cast<int>(edit.from_start));
    e->set_from_end(static_cast<int>(edit.from_end));
    e->set_to_start(static_cast<int>(edit.to_start));
    e->set_to_end(static_cast<int>(edit.to_end));
    e->set_numeric(edit.numeric);
  }
}

// The text with runs of whitespace made one space, trimmed: what two
// versions must share for a paragraph to be the same.
std::string Collapsed(absl::string_view text) {
  return absl::StrJoin(absl::StrSplit(text, absl::ByAnyChar(" \t\r\n\f\v"), absl::SkipEmpty()),
                       " ");
}

// Token ids of a paragraph, sorted: for the bag-of-words bound.
std::vector<uint32_t> SortedTokens(absl::string_view text,
                                   absl::flat_hash_map<std::string, uint32_t>& ids) {
  std::vector<uint32_t> out;
  for (const DiffToken& token : TokenizeForDiff(text)) {
    auto [it, added] =
        ids.try_emplace(std::string(text.substr(token.start, token.end - token.start)),
                        static_cast<uint32_t>(ids.size()));
    out.push_back(it->second);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// 2 × |multiset intersection| / (|a| + |b|): an upper bound of the share of
// words a diff keeps (a common subsequence is a common sub-multiset).
double BagBound(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() && b.empty()) return 1;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

}  // namespace

void AppendWordEdits(absl::string_view from, absl::string_view to,
                     google::protobuf::RepeatedPtrField<docsearch::v1::WordEdit>* out) {
  AppendEdits(WordDiff(from, to), from, to, out);
}

docsearch::v1::CompareVersionsResponse DiffVersions(const Document& from, const Document& to) {
  docsearch::v1::CompareVersionsResponse response;
  AppendWordEdits(from.title(), to.title(), response.mutable_title_edits());

  const int n = from.paragraphs_size();
  const int m = to.paragraphs_size();
  absl::flat_hash_map<std::string, uint32_t> paragraph_ids;
  auto ids_of = [&](const Document& document) {
    std::vector<uint32_t> ids;
    for (const auto& paragraph : document.paragraphs()) {
      ids.push_back(
          paragraph_ids
              .try_emplace(Collapsed(paragraph.text()), static_cast<uint32_t>(paragraph_ids.size()))
              .first->second);
    }
    return ids;
  };
  const std::vector<uint32_t> a = ids_of(from);
  const std::vector<uint32_t> b = ids_of(to);

  // to_of[i]: the newer index paragraph i of the older version became
  // (-1: removed); from_of likewise.
  std::vector<int> to_of(n, -1), from_of(m, -1);
  std::vector<const ParagraphChange*> change_of_to(m, nullptr);
  // 1. Unchanged: equal and in order. Past the diff's cost bound, nothing
  // is taken as in order and all goes through the steps below.
  if (auto matches = MyersMatches(a, b)) {
    for (const auto& [i, j] : *matches) {
      to_of[i] = j;
      from_of[j] = i;
    }
    response.set_unchanged_paragraphs(static_cast<int>(matches->size()));
  }
  std::vector<ParagraphChange> changes;
  auto describe = [&](ParagraphChange& change, int i, int j) {
    change.set_from_index(i);
    change.set_to_index(j);
    if (i >= 0) change.set_from_number(from.paragraphs(i).number());
    if (j >= 0) change.set_to_number(to.paragraphs(j).number());
    change.set_text(j >= 0 ? to.paragraphs(j).text() : from.paragraphs(i).text());
  };
  // 2. Moved: the same text elsewhere.
  absl::flat_hash_map<uint32_t, std::vector<int>> unmatched_by_text;
  for (int i = n - 1; i >= 0; --i) {
    if (to_of[i] < 0) unmatched_by_text[a[i]].push_back(i);
  }
  for (int j = 0; j < m; ++j) {
    if (from_of[j] >= 0) continue;
    auto it = unmatched_by_text.find(b[j]);
    if (it == unmatched_by_text.end() || it->second.empty()) continue;
    const int i = it->second.back();
    it->second.pop_back();
    to_of[i] = j;
    from_of[j] = i;
    ParagraphChange& change = changes.emplace_back();
    change.set_kind(docsearch::v1::PARAGRAPH_CHANGE_KIND_MOVED);
    change.set_similarity(1);
    describe(change, i, j);
  }
  // 3. Reworded: the best-kept pairs first.
  std::vector<int> left_a, left_b;
  for (int i = 0; i < n; ++i) {
    if (to_of[i] < 0) left_a.push_back(i);
  }
  for (int j = 0; j < m; ++j) {
    if (from_of[j] < 0) left_b.push_back(j);
  }
  if (!left_a.empty() && !left_b.empty() &&
      left_a.size() * left_b.size() <= static_cast<size_t>(kMaxRewordCandidates)) {
    absl::flat_hash_map<std::string, uint32_t> token_ids;
    std::vector<std::vector<uint32_t>> bags_a, bags_b;
    for (int i : left_a) bags_a.push_back(SortedTokens(from.paragraphs(i).text(), token_ids));
    for (int j : left_b) bags_b.push_back(SortedTokens(to.paragraphs(j).text(), token_ids));
    std::vector<std::tuple<double, int, int>> candidates;  // (similarity, i, j)
    for (size_t x = 0; x < left_a.size(); ++x) {
      for (size_t y = 0; y < left_b.size(); ++y) {
        if (BagBound(bags_a[x], bags_b[y]) < kMinRewordedSimilarity) continue;
        const double kept =
            WordDiff(from.paragraphs(left_a[x]).text(), to.paragraphs(left_b[y]).text())
                .Similarity();
        if (kept >= kMinRewordedSimilarity) candidates.emplace_back(kept, left_a[x], left_b[y]);
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto& p, const auto& q) {
      return std::get<0>(p) != std::get<0>(q) ? std::get<0>(p) > std::get<0>(q) : p < q;
    });
    for (const auto& [kept, i, j] : candidates) {
      if (to_of[i] >= 0 || from_of[j] >= 0) continue;
      to_of[i] = j;
      from_of[j] = i;
      ParagraphChange& change = changes.emplace_back();
      change.set_kind(docsearch::v1::PARAGRAPH_CHANGE_KIND_CHANGED);
      change.set_similarity(kept);
      describe(change, i, j);
      AppendWordEdits(from.paragraphs(i).text(), to.paragraphs(j).text(), change.mutable_edits());
    }
  }
  // 4. Added and removed.
  for (int j = 0; j < m; ++j) {
    if (from_of[j] >= 0) continue;
    ParagraphChange& change = changes.emplace_back();
    change.set_kind(docsearch::v1::PARAGRAPH_CHANGE_KIND_ADDED);
    describe(change, -1, j);
  }
  for (int i = 0; i < n; ++i) {
    if (to_of[i] >= 0) continue;
    ParagraphChange& change = changes.emplace_back();
    change.set_kind(docsearch::v1::PARAGRAPH_CHANGE_KIND_REMOVED);
    describe(change, i, -1);
  }
  // The newer version's reading order; a removed paragraph stands just
  // after where its older neighbour went.
  auto position = [&](const ParagraphChange& change) {
    if (change.to_index() >= 0) return 2.0 * change.to_index();
    for (int i = change.from_index() - 1; i >= 0; --i) {
      if (to_of[i] >= 0) return 2.0 * to_of[i] + 1;
    }
    return -1.0;
  };
  std::stable_sort(changes.begin(), changes.end(),
                   [&](const ParagraphChange& p, const ParagraphChange& q) {
                     const double x = position(p), y = position(q);
                     return x != y ? x < y : p.from_index() < q.from_index();
                   });
  for (ParagraphChange& change : changes) *response.add_changes() = std::move(change);
  return response;
}

}  // namespace docsearch::query::compare
