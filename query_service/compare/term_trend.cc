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
#include "query_service/compare/filter.h"

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

// Occurrences of the phrase `terms` per document in `field` (a single term:
// its frequency), for live documents that `allowed` lets through.
void CountOccurrences(const TextFieldIndex& field, const std::vector<std::string>& terms,
                      IndexSnapshot index, const std::vector<bool>& allowed,
                      absl::flat_hash_map<DocId, int64_t>& counts) {
  std::vector<TermCursor> cursors;
  for (const std::string& term : terms) {
    TermLists lists = field.Lists(term);
    if (lists.empty()) return;
    cursors.emplace_back(std::move(lists));
  }
  std::vector<uint32_t> first_positions;
  std::vector<std::vector<uint32_t>> rest(terms.size());
  for (TermCursor& first = cursors[0]; first.doc() != TermCursor::kEnd; first.Next()) {
    const DocId doc = first.doc();
    if (!index->live()[doc] || !allowed[doc]) continue;
    if (terms.size() == 1) {
      counts[doc] += first.frequency();
      continue;
    }
    bool all = true;
    for (size_t k = 1; k < terms.size() && all; ++k) {
      cursors[k].Advance(doc);
      all = cursors[k].doc() == doc;
    }
    if (!all) continue;
    first_positions.clear();
    first.AppendPositions(first_positions);
    for (size_t k = 1; k < terms.size(); ++k) {
      rest[k].clear();
      cursors[k].AppendPositions(rest[k]);
    }
    int64_t found = 0;
    for (uint32_t start : first_positions) {
      bool match = true;
      for (size_t k = 1; k < terms.size() && match; ++k) {
        match =
            std::binary_search(rest[k].begin(), rest[k].end(), start + static_cast<uint32_t>(k));
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
  const std::string language = request.language().empty() ? "en" : request.language();
  std::vector<std::vector<std::string>> analyzed;
  for (int i = 0; i < request.terms_size(); ++i) {
    std::vector<std::string> words;
    for (Token& token : analyzer.Analyze(request.terms(i), language)) {
      words.push_back(std::move(token.term));
    }
    if (words.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("terms[", i, "] has no words"));
    }
    if (static_cast<int>(words.size()) > limits.max_terms) {
      return absl::InvalidArgumentError(
          absl::StrCat("terms[", i, "] has more than ", limits.max_terms, " words"));
    }
    analyzed.push_back(std::move(words));
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
    series->set_key(absl::StrJoin(analyzed[t], " "));
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
