#include "query_service/search/top_k_search.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "query_service/search/conjunction_top_k.h"
#include "query_service/search/max_score.h"
#include "query_service/search/phrase_frequency.h"
#include "query_service/search/phrase_top_k.h"
#include "query_service/search/query_evaluator.h"
#include "query_service/search/query_planner.h"

namespace docsearch::query {

absl::StatusOr<std::optional<TopK>> TopKSearch::Run(
    const QueryPlan& plan, size_t k,
    const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
    const std::function<bool(const ScoredDoc&)>& eligible) {
  if (plan.algorithm == TopKAlgorithm::kExhaustive) return std::nullopt;
  if (plan.algorithm == TopKAlgorithm::kPhrase) {
    return TopPhrase(plan.scored->phrase(), plan.scored_path + ".phrase", k, before, eligible);
  }
  const std::string& text_path = plan.scored_path;
  const docsearch::v1::MatchQuery& match = plan.scored->match();
  const bool conjunction = plan.algorithm == TopKAlgorithm::kConjunction;
  absl::StatusOr<std::vector<Word>> words =
      binder_.AnalyzeWords(match.text(), text_path + ".match.text");
  if (!words.ok()) return words.status();
  std::vector<std::pair<std::string, float>> requested;
  for (const auto& field : match.fields()) requested.push_back({field.field(), field.boost()});
  auto fields = binder_.TextFields(requested, text_path + ".match.fields");
  if (!fields.ok()) return fields.status();
  // Out-of-range minimum_should_match: Evaluate reports it.
  if (match.minimum_should_match() < 0 ||
      match.minimum_should_match() > static_cast<int>(words->size())) {
    return std::nullopt;
  }
  // The filters as a test of each candidate (doc_filter.h).
  std::optional<DocFilter> filter;
  if (plan.filters != nullptr) {
    absl::StatusOr<DocFilter> built = evaluator_.CandidateFilter(*plan.filters, plan.filters_path);
    if (!built.ok()) return built.status();
    filter = *std::move(built);
  }
  if (conjunction) {
    // Cursors in EvalMatch's order, so that scores sum identically.
    std::vector<size_t> word_of;
    std::vector<WordCursor> cursors = binder_.MatchCursors(*fields, *words, word_of);
    return ConjunctionTopK(std::move(cursors), word_of, words->size(), k, before, eligible,
                           filter.has_value() ? &*filter : nullptr);
  }
  // Canonical order, fields then words, as EvalMatch sums; a list with no
  // postings adds nothing to any sum, so leaving it out keeps the order.
  std::vector<TermList> lists;
  for (const auto& [field, boost] : *fields) {
    for (const Word& word : *words) {
      TermList list{field, boost, binder_.Variants(*field, word)};
      if (!list.variants.empty()) lists.push_back(std::move(list));
    }
  }
  return MaxScoreTopK(binder_.index(), binder_.scoring(), lists, k, before, eligible,
                      filter.has_value() ? &*filter : nullptr);
}

absl::StatusOr<std::optional<TopK>> TopKSearch::TopPhrase(
    const docsearch::v1::PhraseQuery& phrase, const std::string& path, size_t k,
    const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
    const std::function<bool(const ScoredDoc&)>& eligible) {
  // The same checks, in the same order, as EvalPhrase.
  absl::StatusOr<std::vector<Word>> words = binder_.AnalyzeWords(phrase.text(), path + ".text");
  if (!words.ok()) return words.status();
  if (phrase.slop() < 0) return absl::InvalidArgumentError(absl::StrCat(path, ".slop is negative"));
  std::vector<std::pair<std::string, float>> requested;
  if (!phrase.field().empty()) requested.push_back({phrase.field(), 1.0f});
  auto fields = binder_.TextFields(requested, path + ".field");
  if (!fields.ok()) return fields.status();
  if (phrase.boost() < 0)
    return absl::InvalidArgumentError(absl::StrCat(path, ".boost is negative"));
  for (auto& field : *fields) field.second *= PhraseBoost(phrase);
  // Several fields sum per document: left to EvalPhrase.
  if (fields->size() != 1 || words->empty()) return std::nullopt;
  const auto& [field, boost] = fields->front();
  std::vector<WordCursor> cursors;
  float idf_sum = 0;
  for (const Word& word : *words) {
    std::vector<WordCursor::Variant> variants = binder_.Variants(*field, word);
    idf_sum += binder_.PhraseWordIdf(variants);
    cursors.emplace_back(binder_.index(), *field, boost, binder_.scoring(), std::move(variants));
  }
  const int slop = phrase.slop();
  return PhraseTopK(
      binder_.index(), binder_.scoring(), std::move(cursors), idf_sum, slop,
      [slop](const std::vector<const std::vector<uint32_t>*>& lists) {
        return PhraseFrequency(lists, slop);
      },
      k, before, eligible);
}

}  // namespace docsearch::query
