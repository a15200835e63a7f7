#include "query_service/compare/phrase_matcher.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_join.h"

namespace docsearch::query::compare {
namespace {

struct CommonRun {
  size_t a_first = 0;
  size_t b_first = 0;
  size_t length = 0;
};

// Longest common contiguous run of stems; the earliest on ties.
CommonRun LongestCommonRun(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  CommonRun best;
  // Phrases are short (a few stems), so the quadratic scan is cheapest.
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = 0; j < b.size(); ++j) {
      size_t n = 0;
      while (i + n < a.size() && j + n < b.size() && a[i + n] == b[j + n]) ++n;
      if (n > best.length) best = {i, j, n};
    }
  }
  return best;
}

double IdfSum(const std::vector<std::string>& stems, size_t first, size_t length,
              const TermStatistics& statistics) {
  double sum = 0;
  for (size_t i = first; i < first + length; ++i) sum += statistics.Idf(stems[i]);
  return sum;
}

void AddForms(const std::vector<std::string>& forms, std::vector<std::string>& into) {
  for (const std::string& form : forms) {
    if (std::find(into.begin(), into.end(), form) == into.end()) into.push_back(form);
  }
}

// Listed items are what a statement enumerates as its topics: they come
// before incidental word runs, each group by score.
void Rank(std::vector<MatchedPhrase>& phrases) {
  std::sort(phrases.begin(), phrases.end(), [](const MatchedPhrase& x, const MatchedPhrase& y) {
    if (x.listed != y.listed) return x.listed;
    return x.score != y.score ? x.score > y.score : x.key < y.key;
  });
}

double Score(const Phrase& phrase, const TermStatistics& statistics) {
  return IdfSum(phrase.stems, 0, phrase.stems.size(), statistics) * (1.0 + std::log(phrase.count));
}

// The analyzed terms of every word (connectors included) of stems
// [first, first + length) of `phrase`'s first occurrence: what must be equal
// on both sides for a run of stems to be one phrase ("NATO-Russia" is
// nato russia; "NATO and Russia" is nato and russia).
std::vector<std::string> SpanTerms(const AnalyzedText& text, const Phrase& phrase, size_t first,
                                   size_t length) {
  std::vector<std::string> terms;
  const Passage& passage = text.passages[phrase.passage];
  const uint32_t start = phrase.stem_spans[first].first;
  const uint32_t end = phrase.stem_spans[first + length - 1].second;
  for (const Word& word : passage.words) {
    if (word.start >= start && word.end <= end) terms.push_back(word.term);
  }
  return terms;
}

absl::flat_hash_set<std::string> TermsOf(const AnalyzedText& text) {
  absl::flat_hash_set<std::string> terms;
  for (const Passage& passage : text.passages) {
    for (const Word& word : passage.words) terms.insert(word.term);
  }
  return terms;
}

// `other_terms`: every term of the other text. A lone word that the other
// text uses anywhere is not distinctive, even where it is no list item.
std::vector<MatchedPhrase> Distinctive(const std::vector<Phrase>& phrases,
                                       const std::vector<bool>& matched,
                                       const absl::flat_hash_set<std::string>& other_terms,
                                       const TermStatistics& statistics, bool side_a) {
  std::vector<MatchedPhrase> out;
  for (size_t i = 0; i < phrases.size(); ++i) {
    if (matched[i]) continue;
    if (phrases[i].stems.size() == 1 && other_terms.contains(phrases[i].stems[0])) continue;
    const Phrase& phrase = phrases[i];
    MatchedPhrase m;
    m.text = phrase.forms.front();
    m.key = phrase.key;
    (side_a ? m.forms_a : m.forms_b) = phrase.forms;
    (side_a ? m.count_a : m.count_b) = phrase.count;
    m.score = Score(phrase, statistics);
    m.listed = phrase.listed > 0;
    out.push_back(std::move(m));
  }
  Rank(out);
  return out;
}

}  // namespace

PhraseMatches MatchPhrases(const AnalyzedText& text_a, const std::vector<Phrase>& a,
                           const AnalyzedText& text_b, const std::vector<Phrase>& b,
                           const TermStatistics& statistics) {
  absl::flat_hash_map<std::string, std::vector<size_t>> b_by_stem;
  for (size_t j = 0; j < b.size(); ++j) {
    for (const std::string& stem : b[j].stems) {
      std::vector<size_t>& list = b_by_stem[stem];
      if (list.empty() || list.back() != j) list.push_back(j);
    }
  }

  struct Shared {
    MatchedPhrase phrase;
    std::vector<std::string> stems;
    absl::flat_hash_set<size_t> from_a, from_b;
    bool listed = false;
  };
  std::map<std::string, Shared> shared;  // By key: a stable order.
  std::vector<bool> matched_a(a.size(), false), matched_b(b.size(), false);

  for (size_t i = 0; i < a.size(); ++i) {
    std::vector<size_t> candidates;
    for (const std::string& stem : a[i].stems) {
      auto it = b_by_stem.find(stem);
      if (it != b_by_stem.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (size_t j : candidates) {
      const CommonRun run = LongestCommonRun(a[i].stems, b[j].stems);
      const bool whole_a = run.length == a[i].stems.size();
      const bool whole_b = run.length == b[j].stems.size();
      if (run.length < 2 && !whole_a && !whole_b) continue;
      // The stems alone drop connectors: a run is shared only where both
      // sides write the same words, connectors included.
      if (run.length >= 2 && SpanTerms(text_a, a[i], run.a_first, run.length) !=
                                 SpanTerms(text_b, b[j], run.b_first, run.length)) {
        continue;
      }
      matched_a[i] = matched_a[i] || run.length >= 2 || whole_a;
      matched_b[j] = matched_b[j] || run.length >= 2 || whole_b;
      // A single word is a shared phrase only where both sides list it as
      // one ("terrorism"); "acts" and "act together" share a stem, not a
      // phrase.
      if (run.length < 2 && !(whole_a && whole_b)) continue;
      std::vector<std::string> stems(a[i].stems.begin() + run.a_first,
                                     a[i].stems.begin() + run.a_first + run.length);
      std::string key = absl::StrJoin(stems, " ");
      auto [it, inserted] = shared.try_emplace(key);
      Shared& entry = it->second;
      if (inserted) {
        entry.stems = std::move(stems);
        entry.phrase.key = key;
        entry.phrase.text = PhrasePart(text_a, a[i], run.a_first, run.length);
      }
      entry.listed = entry.listed || a[i].listed > 0 || b[j].listed > 0;
      if (entry.from_a.insert(i).second) {
        AddForms(a[i].forms, entry.phrase.forms_a);
        entry.phrase.count_a += a[i].count;
      }
      if (entry.from_b.insert(j).second) {
        AddForms(b[j].forms, entry.phrase.forms_b);
        entry.phrase.count_b += b[j].count;
      }
    }
  }

  absl::flat_hash_set<std::string> in_longer;
  for (const auto& [key, entry] : shared) {
    if (entry.stems.size() < 2) continue;
    for (const std::string& stem : entry.stems) in_longer.insert(stem);
  }
  PhraseMatches matches;
  for (auto& [key, entry] : shared) {
    if (entry.stems.size() == 1 && in_longer.contains(entry.stems[0])) continue;
    entry.phrase.score = IdfSum(entry.stems, 0, entry.stems.size(), statistics) *
                         (1.0 + std::log(std::min(entry.phrase.count_a, entry.phrase.count_b)));
    entry.phrase.listed = entry.listed;
    matches.shared.push_back(std::move(entry.phrase));
  }
  Rank(matches.shared);
  matches.only_a = Distinctive(a, matched_a, TermsOf(text_b), statistics, /*side_a=*/true);
  matches.only_b = Distinctive(b, matched_b, TermsOf(text_a), statistics, /*side_a=*/false);
  return matches;
}

}  // namespace docsearch::query::compare
