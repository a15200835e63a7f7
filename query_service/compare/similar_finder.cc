#include "query_service/compare/similar_finder.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "query_service/compare/document_comparer.h"
#include "query_service/compare/filter.h"
#include "query_service/compare/term_vectors.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::FindSimilarRequest;
using docsearch::v1::FindSimilarResponse;

constexpr size_t kMatchedTermsPerHit = 5;

struct Candidate {
  double score = 0;
  // (contribution, index into the query terms).
  std::vector<std::pair<double, size_t>> contributions;
};

double Saturation(const TextFieldIndex& field, uint64_t total_length, uint64_t live_count,
                  DocId doc, double frequency, const ScoringOptions& scoring) {
  const double average =
      live_count == 0 ? 1.0 : static_cast<double>(total_length) / static_cast<double>(live_count);
  const double length = doc < field.lengths.size() ? field.lengths[doc] : 0;
  const double norm = scoring.k1 * (1.0 - scoring.b + scoring.b * length / std::max(average, 1.0));
  return frequency * (scoring.k1 + 1.0) / (frequency + norm);
}

}  // namespace

absl::Status ValidateFindSimilar(const FindSimilarRequest& request) {
  if (!request.has_like()) {
    return absl::InvalidArgumentError("like is required (e.g. {\"like\": {\"id\": \"...\"}})");
  }
  if (request.max_results() < 0 || request.max_results() > kMaxSimilarResults) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_results ", request.max_results(), " is outside 0..", kMaxSimilarResults));
  }
  if (request.max_query_terms() < 0 || request.max_query_terms() > kMaxSimilarQueryTerms) {
    return absl::InvalidArgumentError(absl::StrCat("max_query_terms ", request.max_query_terms(),
                                                   " is outside 0..", kMaxSimilarQueryTerms));
  }
  return absl::OkStatus();
}

std::vector<SimilarTerm> ChooseSimilarTerms(const AnalyzedText& source,
                                            const TermStatistics& statistics, size_t max_terms) {
  const TermCounts counts = CountTerms(source);
  const TermVector vector = Weigh(counts, statistics);
  std::vector<SimilarTerm> terms;
  for (const auto& [term, weight] : vector.weights) {
    terms.push_back({term, counts.at(term).surface, weight});
  }
  std::sort(terms.begin(), terms.end(), [](const SimilarTerm& x, const SimilarTerm& y) {
    return x.weight != y.weight ? x.weight > y.weight : x.term < y.term;
  });
  if (terms.size() > max_terms) terms.resize(max_terms);
  return terms;
}

SimilarStatistics LocalSimilarStatistics(IndexSnapshot index) {
  return {index->live_count(), index->title().live_total_length, index->body().live_total_length};
}

absl::StatusOr<FindSimilarResponse> FindSimilar(const FindSimilarRequest& request,
                                                IndexSnapshot index, TextAnalyzer& analyzer,
                                                const QueryLimits& limits,
                                                const ScoringOptions& scoring) {
  if (absl::Status valid = ValidateFindSimilar(request); !valid.ok()) return valid;
  absl::StatusOr<SideText> source = ResolveSide(request.like(), "like", index, analyzer);
  if (!source.ok()) return source.status();
  const size_t max_results = request.max_results() == 0 ? 10 : request.max_results();
  const size_t max_terms = request.max_query_terms() == 0 ? 25 : request.max_query_terms();
  const std::vector<SimilarTerm> terms =
      ChooseSimilarTerms(source->text(), IndexTermStatistics(index), max_terms);
  return ScoreSimilar(terms, request.has_filter() ? &request.filter() : nullptr, source->doc,
                      max_results, LocalSimilarStatistics(index), index, analyzer, limits, scoring);
}

absl::StatusOr<FindSimilarResponse> ScoreSimilar(const std::vector<SimilarTerm>& terms,
                                                 const docsearch::v1::Query* filter,
                                                 std::optional<DocId> exclude, size_t max_results,
                                                 const SimilarStatistics& statistics,
                                                 IndexSnapshot index, TextAnalyzer& analyzer,
                                                 const QueryLimits& limits,
                                                 const ScoringOptions& scoring) {
  absl::StatusOr<std::vector<bool>> allowed =
      EvaluateFilter(filter, "filter", index, analyzer, limits);
  if (!allowed.ok()) return allowed.status();

  absl::flat_hash_map<DocId, Candidate> candidates;
  for (size_t t = 0; t < terms.size(); ++t) {
    struct Field {
      const TextFieldIndex* index;
      uint64_t total_length;
      double boost;
    };
    for (const Field& field :
         {Field{&index->body(), statistics.body_total_length, 1.0},
          Field{&index->title(), statistics.title_total_length, scoring.title_boost}}) {
      for (TermCursor posting(field.index->Lists(terms[t].term)); posting.doc() != TermCursor::kEnd;
           posting.Next()) {
        const DocId doc = posting.doc();
        if (!index->live()[doc] || !(*allowed)[doc]) continue;
        if (exclude.has_value() && doc == *exclude) continue;
        const double contribution =
            terms[t].weight * field.boost *
            Saturation(*field.index, field.total_length, statistics.document_count, doc,
                       posting.frequency(), scoring);
        Candidate& candidate = candidates[doc];
        candidate.score += contribution;
        candidate.contributions.push_back({contribution, t});
      }
    }
  }

  std::vector<std::pair<DocId, Candidate*>> ranked;
  ranked.reserve(candidates.size());
  for (auto& [doc, candidate] : candidates) ranked.push_back({doc, &candidate});
  auto before = [&](const auto& x, const auto& y) {
    if (x.second->score != y.second->score) return x.second->score > y.second->score;
    return index->documents().id(x.first) < index->documents().id(y.first);
  };
  const size_t shown = std::min(max_results, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + shown, ranked.end(), before);

  FindSimilarResponse response;
  for (const SimilarTerm& term : terms) response.add_query_terms(term.surface);
  response.set_total_size(static_cast<int64_t>(ranked.size()));
  for (size_t k = 0; k < shown; ++k) {
    absl::StatusOr<docsearch::v1::Document> stored = index->documents().Load(ranked[k].first);
    if (!stored.ok()) return stored.status();
    const docsearch::v1::Document& document = *stored;
    Candidate& candidate = *ranked[k].second;
    auto* hit = response.add_hits();
    hit->set_id(document.id());
    hit->set_score(candidate.score);
    hit->set_title(document.title());
    hit->set_doc_type(document.doc_type());
    if (document.has_published()) *hit->mutable_published() = document.published();
    // One entry per term (title and body contributions added up).
    absl::flat_hash_map<size_t, double> per_term;
    for (const auto& [contribution, t] : candidate.contributions) per_term[t] += contribution;
    std::vector<std::pair<double, size_t>> best;
    for (const auto& [t, contribution] : per_term) best.push_back({contribution, t});
    std::sort(best.begin(), best.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    for (size_t i = 0; i < best.size() && i < kMatchedTermsPerHit; ++i) {
      hit->add_matched_terms(terms[best[i].second].surface);
    }
  }
  return response;
}

}  // namespace docsearch::query::compare
