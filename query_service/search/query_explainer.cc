#include "query_service/search/query_explainer.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "query_service/search/query_evaluator.h"
#include "query_service/search/scorer.h"

namespace docsearch::query {

using docsearch::v1::Explanation;
using docsearch::v1::Query;

Explanation QueryExplainer::Explain(const Query& query, DocId doc) {
  Explanation explanation;
  ScoreNode(query, doc, &explanation);
  return explanation;
}

std::optional<float> QueryExplainer::ScoreOf(const Query& query, DocId doc) {
  return ScoreNode(query, doc, nullptr);
}

std::optional<float> QueryExplainer::ScoreNode(const Query& query, DocId doc,
                                               Explanation* explanation) {
  switch (query.kind_case()) {
    case Query::kMatch:
      return ScoreMatch(query.match(), doc, explanation);
    case Query::kPhrase:
      return ScorePhrase(query.phrase(), doc, explanation);
    case Query::kBoolean:
      return ScoreBool(query.boolean(), doc, explanation);
    default:
      return ScoreConstant(query, doc, explanation);
  }
}

std::optional<float> QueryExplainer::ScoreMatch(const docsearch::v1::MatchQuery& match, DocId doc,
                                                Explanation* explanation) {
  absl::StatusOr<QueryBinder::BoundMatch> bound = binder_.BindMatch(match, "match");
  if (!bound.ok()) {
    if (explanation != nullptr) *explanation = ExplanationNode(0, "no match, invalid query");
    return std::nullopt;
  }
  std::optional<float> score;
  binder_.WithMatchScorer(
      *bound,
      [&](auto& scorer) {
        if (scorer.doc() != doc) return;
        score = scorer.Score();
        if (explanation == nullptr) return;
        *explanation = scorer.Explain();
        explanation->set_description(
            absl::StrCat("sum of the best variant of each matched word in each field, match \"",
                         match.text(), "\":"));
      },
      doc);
  if (!score.has_value() && explanation != nullptr) {
    *explanation =
        ExplanationNode(0, absl::StrCat("no match, match \"", match.text(), "\" (", bound->required,
                                        " of ", bound->words.size(), " words required)"));
  }
  return score;
}

std::optional<float> QueryExplainer::ScorePhrase(const docsearch::v1::PhraseQuery& phrase,
                                                 DocId doc, Explanation* explanation) {
  absl::StatusOr<QueryBinder::BoundPhrase> bound = binder_.BindPhrase(phrase, "phrase");
  const std::string no_match = absl::StrCat("no match, phrase \"", phrase.text(), "\"");
  if (!bound.ok() || bound->words.empty()) {
    if (explanation != nullptr) *explanation = ExplanationNode(0, no_match);
    return std::nullopt;
  }
  // As evaluation: the fields' phrase scores added in order.
  float total = 0;
  bool matched = false;
  std::vector<Explanation> details;
  for (const auto& [field, boost] : bound->fields) {
    PhraseScorer scorer = binder_.PhraseScorerOf(*bound, *field, boost, phrase.text(), doc);
    if (scorer.doc() != doc) continue;
    total += scorer.Score();
    matched = true;
    if (explanation != nullptr) details.push_back(scorer.Explain());
  }
  if (explanation != nullptr) {
    *explanation = matched ? ExplanationNode(total, absl::StrCat("sum over fields of phrase \"",
                                                                 phrase.text(), "\":"))
                           : ExplanationNode(0, no_match);
    for (Explanation& detail : details) *explanation->add_details() = std::move(detail);
  }
  if (!matched) return std::nullopt;
  return total;
}

std::optional<float> QueryExplainer::ScoreConstant(const Query& query, DocId doc,
                                                   Explanation* explanation) {
  // Term, terms, prefix, range and match_all score a constant 1.
  absl::StatusOr<DocList> list = evaluator_.Evaluate(query, "query");
  const bool matched =
      list.ok() &&
      std::binary_search(list->begin(), list->end(), ScoredDoc{doc, 0},
                         [](const ScoredDoc& a, const ScoredDoc& b) { return a.doc < b.doc; });
  if (explanation != nullptr) {
    std::string what = query.has_range()       ? absl::StrCat("range on ", query.range().field())
                       : query.has_match_all() ? std::string("match_all")
                       : query.has_prefix()    ? absl::StrCat("prefix on ", query.prefix().field())
                       : query.has_term()
                           ? absl::StrCat(query.term().field(), ":", query.term().value())
                           : absl::StrCat("terms on ", query.terms().field());
    *explanation = matched
                       ? ExplanationNode(1.0f, absl::StrCat("constant score, ", what, " matches"))
                       : ExplanationNode(0, absl::StrCat("no match, ", what));
  }
  if (!matched) return std::nullopt;
  return 1.0f;
}

std::optional<float> QueryExplainer::ScoreBool(const docsearch::v1::BoolQuery& query, DocId doc,
                                               Explanation* explanation) {
  // As EvalBool: must scores added in order, filters add 0, the sum of the
  // matching should clauses added last; must_not excludes.
  const bool explain = explanation != nullptr;
  std::vector<Explanation> details;
  // The clause's score, and its explanation into details when explaining,
  // described with `prefix` or wrapped in a node saying `matched` or
  // `unmatched`.
  auto clause_score = [&](const Query& clause, const char* prefix, const char* matched,
                          const char* unmatched) -> std::optional<float> {
    if (!explain) return ScoreNode(clause, doc, nullptr);
    Explanation child;
    std::optional<float> score = ScoreNode(clause, doc, &child);
    if (prefix != nullptr) {
      child.set_description(absl::StrCat(prefix, child.description()));
      details.push_back(std::move(child));
    } else {
      Explanation wrapper = ExplanationNode(0, score.has_value() ? matched : unmatched);
      *wrapper.add_details() = std::move(child);
      details.push_back(std::move(wrapper));
    }
    return score;
  };
  bool matched = true;
  float result = 0;
  bool started = false;
  for (const Query& clause : query.must()) {
    std::optional<float> score = clause_score(clause, "must: ", nullptr, nullptr);
    matched = matched && score.has_value();
    const float value = score.value_or(0);
    result = started ? result + value : value;
    started = true;
  }
  for (const Query& clause : query.filter()) {
    std::optional<float> score =
        clause_score(clause, nullptr, "filter (not scored), matches:", "filter, no match:");
    matched = matched && score.has_value();
    result = started ? result + 0.0f : 0.0f;
    started = true;
  }
  const bool has_required = started;
  int minimum_should = query.minimum_should_match();
  if (minimum_should == 0 && !has_required && query.should_size() > 0) minimum_should = 1;
  float should_sum = 0;
  int should_count = 0;
  for (const Query& clause : query.should()) {
    std::optional<float> score = clause_score(clause, "should: ", nullptr, nullptr);
    if (score.has_value()) {
      should_sum += *score;
      ++should_count;
    }
  }
  if (query.should_size() > 0) {
    const bool qualified = should_count >= std::max(1, minimum_should);
    if (minimum_should > 0 && !qualified) matched = false;
    if (started) {
      if (qualified) result += should_sum;
    } else {
      result = should_sum;
      started = true;
    }
  }
  if (!started) result = 1.0f;  // Only must_not clauses: every live document scores 1.
  matched = matched && binder_.index().live()[doc];
  for (const Query& clause : query.must_not()) {
    std::optional<float> score =
        clause_score(clause, nullptr, "must_not, matches (excluded):", "must_not, no match:");
    if (score.has_value()) matched = false;
  }
  if (explain) {
    *explanation = matched ? ExplanationNode(result, "sum of the must and should clauses:")
                           : ExplanationNode(0, "no match, bool:");
    for (Explanation& detail : details) *explanation->add_details() = std::move(detail);
  }
  if (!matched) return std::nullopt;
  return result;
}

}  // namespace docsearch::query
