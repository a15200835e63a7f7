#include "query_service/search/query_evaluator.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "query_service/search/doc_list_ops.h"
#include "query_service/search/query_explainer.h"
#include "query_service/search/query_planner.h"
#include "query_service/search/range_bound.h"
#include "query_service/search/top_k_search.h"

namespace docsearch::query {

using docsearch::v1::Query;

docsearch::v1::Explanation QueryEvaluator::Explain(const Query& query, DocId doc) {
  return QueryExplainer(*this, binder_).Explain(query, doc);
}

std::optional<float> QueryEvaluator::ScoreOf(const Query& query, DocId doc) {
  return QueryExplainer(*this, binder_).ScoreOf(query, doc);
}

absl::StatusOr<std::optional<TopK>> QueryEvaluator::TopMatches(
    const QueryPlan& plan, size_t k,
    const std::function<bool(const ScoredDoc&, const ScoredDoc&)>& before,
    const std::function<bool(const ScoredDoc&)>& eligible) {
  return TopKSearch(*this, binder_).Run(plan, k, before, eligible);
}

absl::StatusOr<DocFilter> QueryEvaluator::CandidateFilter(const docsearch::v1::BoolQuery& boolean,
                                                          const std::string& path) {
  clauses_ = 2;  // The bool and its one must clause.
  return FilterOf(boolean, path);
}

absl::StatusOr<DocList> QueryEvaluator::Evaluate(const Query& query, const std::string& path) {
  clauses_ = 0;
  return Eval(query, path, 0);
}

absl::StatusOr<DocList> QueryEvaluator::Eval(const Query& query, const std::string& path,
                                             int depth) {
  if (++clauses_ > limits_.max_clauses) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": the query has more than ", limits_.max_clauses, " clauses"));
  }
  switch (query.kind_case()) {
    case Query::kMatch:
      return EvalMatch(query.match(), path + ".match");
    case Query::kPhrase:
      return EvalPhrase(query.phrase(), path + ".phrase");
    case Query::kTerm:
      return constant_score_.Terms(query.term().field(), {query.term().value()}, path + ".term");
    case Query::kTerms:
      if (query.terms().values().empty()) {
        return absl::InvalidArgumentError(absl::StrCat(path, ".terms.values is empty"));
      }
      return constant_score_.Terms(query.terms().field(),
                                   {query.terms().values().begin(), query.terms().values().end()},
                                   path + ".terms");
    case Query::kPrefix:
      return constant_score_.Prefix(query.prefix(), path + ".prefix");
    case Query::kRange:
      return constant_score_.Range(query.range(), path + ".range");
    case Query::kBoolean:
      if (depth + 1 > limits_.max_depth) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ": bool queries nested deeper than ", limits_.max_depth));
      }
      return EvalBool(query.boolean(), path + ".boolean", depth + 1);
    case Query::kMatchAll:
      return constant_score_.AllLive();
    case Query::KIND_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      path, " is empty: set one of match, phrase, term, terms, prefix, range, boolean, match_all"));
}

absl::StatusOr<DocList> QueryEvaluator::EvalMatch(const docsearch::v1::MatchQuery& match,
                                                  const std::string& path) {
  absl::StatusOr<QueryBinder::BoundMatch> bound = binder_.BindMatch(match, path);
  if (!bound.ok()) return bound.status();
  DocList out;
  binder_.WithMatchScorer(*bound, [&out](auto& scorer) {
    for (; scorer.doc() != kScorerEnd; scorer.Next()) out.push_back({scorer.doc(), scorer.Score()});
  });
  return out;
}

absl::StatusOr<DocList> QueryEvaluator::EvalPhrase(const docsearch::v1::PhraseQuery& phrase,
                                                   const std::string& path) {
  absl::StatusOr<QueryBinder::BoundPhrase> bound = binder_.BindPhrase(phrase, path);
  if (!bound.ok()) return bound.status();
  if (bound->words.empty()) return DocList{};
  if (bound->fields.size() == 1) {
    DocList out;
    PhraseScorer scorer = binder_.PhraseScorerOf(*bound, *bound->fields[0].first,
                                                 bound->fields[0].second, phrase.text());
    for (; scorer.doc() != kScorerEnd; scorer.Next()) {
      out.push_back({scorer.doc(), scorer.Score()});
    }
    return out;
  }
  // Several fields: the phrase's scores summed per document, fields in order.
  absl::flat_hash_map<DocId, float> scores;
  for (const auto& [field, boost] : bound->fields) {
    PhraseScorer scorer = binder_.PhraseScorerOf(*bound, *field, boost, phrase.text());
    for (; scorer.doc() != kScorerEnd; scorer.Next()) scores[scorer.doc()] += scorer.Score();
  }
  return SortedFromMap(scores);
}

absl::StatusOr<DocList> QueryEvaluator::EvalBool(const docsearch::v1::BoolQuery& query,
                                                 const std::string& path, int depth) {
  if (query.must().empty() && query.should().empty() && query.filter().empty() &&
      query.must_not().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(path, " has no clauses"));
  }
  auto eval_all = [&](const auto& clauses,
                      const char* name) -> absl::StatusOr<std::vector<DocList>> {
    std::vector<DocList> lists;
    for (int i = 0; i < clauses.size(); ++i) {
      absl::StatusOr<DocList> list =
          Eval(clauses[i], absl::StrCat(path, ".", name, "[", i, "]"), depth);
      if (!list.ok()) return list.status();
      lists.push_back(*std::move(list));
    }
    return lists;
  };
  auto must = eval_all(query.must(), "must");
  if (!must.ok()) return must.status();
  auto filter = eval_all(query.filter(), "filter");
  if (!filter.ok()) return filter.status();
  auto should = eval_all(query.should(), "should");
  if (!should.ok()) return should.status();
  auto must_not = eval_all(query.must_not(), "must_not");
  if (!must_not.ok()) return must_not.status();

  const bool has_required = !must->empty() || !filter->empty();
  int minimum_should = query.minimum_should_match();
  if (minimum_should < 0 || minimum_should > static_cast<int>(should->size())) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ".minimum_should_match must be between 0 and the number of should clauses (",
        should->size(), ")"));
  }
  if (minimum_should == 0 && !has_required && !should->empty()) minimum_should = 1;

  DocList result;
  bool started = false;
  for (const DocList& list : *must) {
    result = started ? Intersect(result, list, true) : list;
    started = true;
  }
  for (const DocList& list : *filter) {
    DocList unscored = list;
    for (ScoredDoc& entry : unscored) entry.score = 0;
    result = started ? Intersect(result, unscored, true) : unscored;
    started = true;
  }
  if (!should->empty()) {
    absl::flat_hash_map<DocId, std::pair<float, int>> tally;
    for (const DocList& list : *should) {
      for (const ScoredDoc& entry : list) {
        auto& [score, count] = tally[entry.doc];
        score += entry.score;
        ++count;
      }
    }
    absl::flat_hash_map<DocId, float> qualified;
    for (const auto& [doc, score_count] : tally) {
      if (score_count.second >= minimum_should) qualified[doc] = score_count.first;
    }
    DocList should_list = SortedFromMap(qualified);
    if (started) {
      if (minimum_should > 0) result = Intersect(result, should_list, false);
      AddScores(result, should_list);
    } else {
      result = std::move(should_list);
      started = true;
    }
  }
  if (!started) result = constant_score_.AllLive();  // Only must_not clauses: everything else.
  for (const DocList& list : *must_not) result = Subtract(result, list);
  return result;
}

absl::StatusOr<DocFilter> QueryEvaluator::FilterOf(const docsearch::v1::BoolQuery& boolean,
                                                   const std::string& path) {
  DocFilter filter;
  auto add = [&](const Query& clause, const std::string& clause_path,
                 bool exclude) -> absl::Status {
    // A single keyword term reads its list in place, a range (not excluded)
    // its column; anything else is evaluated into a list once (Eval counts
    // its clauses; these two are counted here, so limits apply alike).
    const bool direct =
        clause.kind_case() == Query::kTerm || (clause.kind_case() == Query::kRange && !exclude);
    if (direct && ++clauses_ > limits_.max_clauses) {
      return absl::InvalidArgumentError(
          absl::StrCat(clause_path, ": the query has more than ", limits_.max_clauses, " clauses"));
    }
    if (clause.kind_case() == Query::kTerm) {
      absl::StatusOr<std::vector<const std::vector<DocId>*>> lists = binder_.KeywordLists(
          clause.term().field(), {clause.term().value()}, clause_path + ".term");
      if (!lists.ok()) return lists.status();
      if (lists->empty()) {
        filter.AddList({}, exclude);
      } else {
        filter.AddList(*lists->front(), exclude);
      }
      return absl::OkStatus();
    }
    if (clause.kind_case() == Query::kRange && !exclude) {
      return constant_score_.AddRange(clause.range(), clause_path + ".range", filter);
    }
    absl::StatusOr<DocList> list = Eval(clause, clause_path, 1);
    if (!list.ok()) return list.status();
    std::vector<DocId> docs;
    docs.reserve(list->size());
    for (const ScoredDoc& entry : *list) docs.push_back(entry.doc);
    filter.AddOwnedList(std::move(docs), exclude);
    return absl::OkStatus();
  };
  for (int i = 0; i < boolean.filter_size(); ++i) {
    absl::Status added =
        add(boolean.filter(i), absl::StrCat(path, ".boolean.filter[", i, "]"), false);
    if (!added.ok()) return added;
  }
  for (int i = 0; i < boolean.must_not_size(); ++i) {
    absl::Status added =
        add(boolean.must_not(i), absl::StrCat(path, ".boolean.must_not[", i, "]"), true);
    if (!added.ok()) return added;
  }
  return filter;
}

}  // namespace docsearch::query
