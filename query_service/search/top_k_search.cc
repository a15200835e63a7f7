#include "query_service/search/top_k_search.h"

#include <utility>

#include "query_service/search/conjunction_scorer.h"
#include "query_service/search/max_score.h"
#include "query_service/search/phrase_scorer.h"
#include "query_service/search/query_evaluator.h"
#include "query_service/search/query_planner.h"
#include "query_service/search/scorer_top_k.h"

namespace docsearch::query {
namespace {

// The top k of a match query's word cursors: a conjunction's, or MaxScore
// over the words (scores summed in the cursors' canonical order).
template <typename Cursor>
TopK TopMatchesOver(const QueryPlan& plan, std::vector<Cursor> cursors, std::vector<size_t> word_of,
                    size_t word_count, size_t k,
                    const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
                    const std::function<bool(const ScoredDoc&)>& eligible, DocFilter* candidates) {
  if (plan.algorithm == TopKAlgorithm::kConjunction) {
    ConjunctionScorer<Cursor> conjunction(std::move(cursors), std::move(word_of), word_count);
    return ScorerTopK(conjunction, k, before, eligible, candidates);
  }
  return MaxScoreTopK(std::move(cursors), k, before, eligible, candidates);
}

}  // namespace

absl::StatusOr<std::optional<TopK>> TopKSearch::Run(
    const QueryPlan& plan, size_t k,
    const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
    const std::function<bool(const ScoredDoc&)>& eligible) {
  if (plan.algorithm == TopKAlgorithm::kExhaustive) return std::nullopt;
  if (plan.algorithm == TopKAlgorithm::kPhrase) {
    return TopPhrase(plan.scored->phrase(), plan.scored_path + ".phrase", k, before, eligible);
  }
  // A query that does not bind is left to Evaluate, which reports the same
  // error (the binder's) at the same path.
  absl::StatusOr<QueryBinder::BoundMatch> match =
      binder_.BindMatch(plan.scored->match(), plan.scored_path + ".match");
  if (!match.ok()) return std::nullopt;
  // The filters as a test of each candidate (doc_filter.h).
  std::optional<DocFilter> filter;
  if (plan.filters != nullptr) {
    absl::StatusOr<DocFilter> built = evaluator_.CandidateFilter(*plan.filters, plan.filters_path);
    if (!built.ok()) return built.status();
    filter = *std::move(built);
  }
  DocFilter* const candidates = filter.has_value() ? &*filter : nullptr;
  // Cursors in the canonical order (fields, then words) that every pass
  // sums in; a word absent from a field has no cursor there, which leaves
  // every sum unchanged.
  std::vector<size_t> word_of;
  // The cursors are made before word_of is handed on: making them fills it.
  if (binder_.scoring().bm25f) {
    std::vector<FieldedWordCursor> cursors =
        binder_.FieldedMatchCursors(match->fields, match->words, word_of);
    return TopMatchesOver(plan, std::move(cursors), std::move(word_of), match->words.size(), k,
                          before, eligible, candidates);
  }
  std::vector<WordCursor> cursors = binder_.MatchCursors(match->fields, match->words, word_of);
  return TopMatchesOver(plan, std::move(cursors), std::move(word_of), match->words.size(), k,
                        before, eligible, candidates);
}

absl::StatusOr<std::optional<TopK>> TopKSearch::TopPhrase(
    const docsearch::v1::PhraseQuery& phrase, const std::string& path, size_t k,
    const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
    const std::function<bool(const ScoredDoc&)>& eligible) {
  absl::StatusOr<QueryBinder::BoundPhrase> bound = binder_.BindPhrase(phrase, path);
  if (!bound.ok()) return bound.status();
  // Several fields sum per document: left to EvalPhrase.
  if (bound->fields.size() != 1 || bound->words.empty()) return std::nullopt;
  const auto& [field, boost] = bound->fields.front();
  PhraseScorer scorer = binder_.PhraseScorerOf(*bound, *field, boost, phrase.text());
  return ScorerTopK(scorer, k, before, eligible);
}

}  // namespace docsearch::query
