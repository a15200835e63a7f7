#include "query_service/compare/term_trend.h"

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "common/analysis_languages.h"
#include "query_service/compare/filter.h"
#include "query_service/search/query_binder.h"
#include "query_service/search/query_language_of.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::Interval;
using docsearch::v1::TermTrendRequest;
using docsearch::v1::TermTrendResponse;

// A period as a sortable number: year, or year * 12 + month - 1.
int PeriodOf(int days, Interval interval) {
  const absl::CivilDay day = absl::CivilDay(1970, 1, 1) + days;
  const int year = static_cast<int>(day.year());
  return interval == docsearch::v1::INTERVAL_YEAR ? year : year * 12 + day.month() - 1;
}

std::string PeriodName(int period, Interval interval) {
  if (interval == docsearch::v1::INTERVAL_YEAR) return absl::StrCat(period);
  return absl::StrFormat("%04d-%02d", period / 12, period % 12 + 1);
}

// Occurrences of the phrase `words` per document in `field` (a single word:
// its frequency), for live documents that `allowed` lets through. Each word
// is its variants (QueryBinder::AnalyzeWords: the forms Search looks for);
// a position holds the word when it holds any variant.
void CountOccurrences(const TextFieldIndex& field, const std::vector<QueryBinder::Word>& words,
                      IndexSnapshot index, const std::vector<bool>& allowed,
                      absl::flat_hash_map<DocId, int64_t>& counts) {
  auto admitted = [&](DocId doc) {
    return doc < index->live().size() && index->live()[doc] && doc < allowed.size() && allowed[doc];
  };
  if (words.size() == 1) {
    // Variants are distinct terms, so their frequencies add up.
    for (const std::string& variant : words[0]) {
      TermLists lists = field.Lists(variant);
      if (lists.empty()) continue;
      for (TermCursor cursor(std::move(lists)); cursor.doc() != TermCursor::kEnd; cursor.Next()) {
        if (admitted(cursor.doc())) counts[cursor.doc()] += cursor.frequency();
      }
    }
    return;
  }
  // Per word: document → positions holding any of its variants.
  std::vector<absl::flat_hash_map<DocId, std::vector<uint32_t>>> positions(words.size());
  for (size_t k = 0; k < words.size(); ++k) {
    for (const std::string& variant : words[k]) {
      TermLists lists = field.Lists(variant);
      if (lists.empty()) continue;
      for (TermCursor cursor(std::move(lists)); cursor.doc() != TermCursor::kEnd; cursor.Next()) {
        const DocId doc = cursor.doc();
        if (!admitted(doc) || (k > 0 && !positions[0].contains(doc))) continue;
        cursor.AppendPositions(positions[k][doc]);
      }
    }
    if (positions[k].empty()) return;
  }
  for (auto& [doc, starts] : positions[0]) {
    bool all = true;
    for (size_t k = 1; k < words.size() && all; ++k) {
      auto it = positions[k].find(doc);
      all = it != positions[k].end();
      if (all) std::sort(it->second.begin(), it->second.end());
    }
    if (!all) continue;
    int64_t found = 0;
    for (uint32_t start : starts) {
      bool match = true;
      for (size_t k = 1; k < words.size() && match; ++k) {
        const std::vector<uint32_t>& at = positions[k].find(doc)->second;
        match = std::binary_search(at.begin(), at.end(), start + static_cast<uint32_t>(k));
      }
      found += match;
    }
    if (found > 0) counts[doc] += found;
  }
}

}  // namespace

absl::StatusOr<TermTrendResponse> TermTrend(const TermTrendRequest& request, IndexSnapshot index,
                                            TextAnalyzer& analyzer, const QueryLimits& limits) {
  if (request.terms().empty()) {
    return absl::InvalidArgumentError("terms is required (e.g. [\"terrorism\"])");
  }
  if (request.terms_size() > kMaxTrendTerms) {
    return absl::InvalidArgumentError(
        absl::StrCat("terms has ", request.terms_size(), " entries; at most ", kMaxTrendTerms));
  }
  const Interval interval = request.interval();
  if (interval != docsearch::v1::INTERVAL_YEAR && interval != docsearch::v1::INTERVAL_MONTH) {
    return absl::InvalidArgumentError("interval must be INTERVAL_YEAR or INTERVAL_MONTH");
  }
  absl::StatusOr<std::string> checked = RequestedAnalysisLanguage(request.language(), "language");
  if (!checked.ok()) return checked.status();
  const std::string language = *std::move(checked);
  // The words as Search analyses them (query_binder.h), so that a trend and
  // a search agree about a word on a bilingual archive.
  // The language is chosen per term as Search chooses it for a search of
  // that term under the same filter (query_language_of.h).
  const std::string main_language = MainLanguageOf(*index);
  std::vector<std::vector<QueryBinder::Word>> analyzed;
  for (int i = 0; i < request.terms_size(); ++i) {
    docsearch::v1::Query query;
    query.mutable_boolean()->add_must()->mutable_match()->set_text(request.terms(i));
    if (request.has_filter()) *query.mutable_boolean()->add_filter() = request.filter();
    QueryBinder binder(*index, analyzer, limits, ScoringOptions{});
    binder.SetQueryLanguage(QueryLanguageOf(language, query, main_language));
    absl::StatusOr<std::vector<QueryBinder::Word>> words =
        binder.AnalyzeWords(request.terms(i), absl::StrCat("terms[", i, "]"));
    if (!words.ok()) return words.status();
    if (words->empty()) {
      return absl::InvalidArgumentError(absl::StrCat("terms[", i, "] has no words"));
    }
    if (static_cast<int>(words->size()) > limits.max_terms) {
      return absl::InvalidArgumentError(
          absl::StrCat("terms[", i, "] has more than ", limits.max_terms, " words"));
    }
    analyzed.push_back(*std::move(words));
  }
  absl::StatusOr<std::vector<bool>> allowed = EvaluateFilter(
      request.has_filter() ? &request.filter() : nullptr, "filter", index, analyzer, limits);
  if (!allowed.ok()) return allowed.status();

  // The periods spanned by the filtered, dated documents.
  static const std::vector<int> kNoDates;
  auto dates_it = index->dates().find("published");
  const std::vector<int>& dates = dates_it == index->dates().end() ? kNoDates : dates_it->second;
  auto period_of_doc = [&](DocId doc) {
    return doc < dates.size() && dates[doc] != kNoDate ? PeriodOf(dates[doc], interval)
                                                       : std::numeric_limits<int>::min();
  };
  int first_period = std::numeric_limits<int>::max();
  int last_period = std::numeric_limits<int>::min();
  absl::flat_hash_map<int, int64_t> period_documents;
  for (DocId doc = 0; doc < index->live().size(); ++doc) {
    if (!index->live()[doc] || !(*allowed)[doc]) continue;
    const int period = period_of_doc(doc);
    if (period == std::numeric_limits<int>::min()) continue;
    first_period = std::min(first_period, period);
    last_period = std::max(last_period, period);
    period_documents[period]++;
  }

  TermTrendResponse response;
  for (size_t t = 0; t < analyzed.size(); ++t) {
    absl::flat_hash_map<DocId, int64_t> counts;
    CountOccurrences(index->body(), analyzed[t], index, *allowed, counts);
    CountOccurrences(index->title(), analyzed[t], index, *allowed, counts);
    absl::flat_hash_map<int, std::pair<int64_t, int64_t>> per_period;  // docs, occurrences
    auto* series = response.add_series();
    series->set_term(request.terms(static_cast<int>(t)));
    // The key shows each word's first variant (its stem in the first
    // language analysed).
    std::vector<std::string> key;
    for (const QueryBinder::Word& word : analyzed[t]) key.push_back(word.empty() ? "" : word[0]);
    series->set_key(absl::StrJoin(key, " "));
    int64_t undated = 0;
    for (const auto& [doc, occurrences] : counts) {
      const int period = period_of_doc(doc);
      if (period == std::numeric_limits<int>::min()) {
        undated++;
        continue;
      }
      auto& [documents, total] = per_period[period];
      documents++;
      total += occurrences;
    }
    series->set_undated_documents(undated);
    for (int period = first_period; period <= last_period && last_period >= first_period;
         ++period) {
      auto* point = series->add_points();
      point->set_period(PeriodName(period, interval));
      auto it = per_period.find(period);
      if (it != per_period.end()) {
        point->set_documents(it->second.first);
        point->set_occurrences(it->second.second);
      }
      auto docs = period_documents.find(period);
      point->set_period_documents(docs == period_documents.end() ? 0 : docs->second);
    }
  }
  return response;
}

}  // namespace docsearch::query::compare
