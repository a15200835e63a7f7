#include "query_service/search/query_explainer.h"

#include <algorithm>
#include <bit>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "query_service/search/phrase_frequency.h"
#include "query_service/search/query_evaluator.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Query;

docsearch::v1::Explanation Node(double value, std::string description) {
  docsearch::v1::Explanation node;
  node.set_value(value);
  node.set_description(std::move(description));
  return node;
}

}  // namespace

docsearch::v1::Explanation QueryExplainer::Explain(const Query& query, DocId doc) {
  bool matched = false;
  return ExplainNode(query, doc, matched);
}

std::optional<float> QueryExplainer::ScoreOf(const Query& query, DocId doc) {
  bool matched = false;
  docsearch::v1::Explanation explanation = ExplainNode(query, doc, matched);
  if (!matched) return std::nullopt;
  return static_cast<float>(explanation.value());
}

docsearch::v1::Explanation QueryExplainer::ExplainNode(const Query& query, DocId doc,
                                                       bool& matched) {
  switch (query.kind_case()) {
    case Query::kMatch:
      return ExplainMatch(query.match(), doc, matched);
    case Query::kPhrase:
      return ExplainPhrase(query.phrase(), doc, matched);
    case Query::kBoolean:
      return ExplainBool(query.boolean(), doc, matched);
    default:
      break;
  }
  // Term, terms, prefix, range and match_all score a constant 1.
  absl::StatusOr<DocList> list = evaluator_.Evaluate(query, "query");
  matched = list.ok() && std::binary_search(
                             list->begin(), list->end(), ScoredDoc{doc, 0},
                             [](const ScoredDoc& a, const ScoredDoc& b) { return a.doc < b.doc; });
  std::string what = query.has_range()       ? absl::StrCat("range on ", query.range().field())
                     : query.has_match_all() ? std::string("match_all")
                     : query.has_prefix()    ? absl::StrCat("prefix on ", query.prefix().field())
                     : query.has_term()
                         ? absl::StrCat(query.term().field(), ":", query.term().value())
                         : absl::StrCat("terms on ", query.terms().field());
  return matched ? Node(1.0f, absl::StrCat("constant score, ", what, " matches"))
                 : Node(0, absl::StrCat("no match, ", what));
}

docsearch::v1::Explanation QueryExplainer::ExplainTerm(const std::string& what,
                                                       const TextFieldIndex& field, float boost,
                                                       DocId doc, float frequency,
                                                       uint64_t document_frequency, float idf,
                                                       float score) {
  const double average = Bm25AverageLength(binder_.index(), field, binder_.scoring());
  const double length = field.lengths[doc];
  const double tf = frequency * (binder_.scoring().k1 + 1.0) /
                    (frequency + binder_.scoring().k1 * (1.0 - binder_.scoring().b +
                                                         binder_.scoring().b * length / average));
  docsearch::v1::Explanation node =
      Node(score, absl::StrCat("weight(", what, ") = boost * idf * tf, result of:"));
  *node.add_details() = Node(boost, "boost");
  docsearch::v1::Explanation idf_node = Node(
      idf, document_frequency == 0 ? "idf, sum of the phrase words' idf"
                                   : "idf, computed as log(1 + (N - n + 0.5) / (n + 0.5)) from:");
  if (document_frequency != 0) {
    *idf_node.add_details() = Node(static_cast<double>(document_frequency),
                                   "n, number of live documents containing the term");
    *idf_node.add_details() =
        Node(static_cast<double>(Bm25DocumentCount(binder_.index(), binder_.scoring())),
             "N, number of live documents");
  }
  *node.add_details() = std::move(idf_node);
  docsearch::v1::Explanation tf_node =
      Node(tf, "tf, computed as freq * (k1 + 1) / (freq + k1 * (1 - b + b * dl / avgdl)) from:");
  *tf_node.add_details() = Node(frequency, "freq, occurrences in the field");
  *tf_node.add_details() = Node(binder_.scoring().k1, "k1, term saturation");
  *tf_node.add_details() = Node(binder_.scoring().b, "b, length normalization");
  *tf_node.add_details() = Node(length, "dl, length of the field (tokens)");
  *tf_node.add_details() = Node(average, "avgdl, average length of the field");
  *node.add_details() = std::move(tf_node);
  return node;
}

docsearch::v1::Explanation QueryExplainer::ExplainMatch(const docsearch::v1::MatchQuery& match,
                                                        DocId doc, bool& matched) {
  matched = false;
  absl::StatusOr<std::vector<Word>> words = binder_.AnalyzeWords(match.text(), "match.text");
  std::vector<std::pair<std::string, float>> requested;
  for (const auto& field : match.fields()) requested.push_back({field.field(), field.boost()});
  auto fields = binder_.TextFields(requested, "match.fields");
  if (!words.ok() || !fields.ok()) return Node(0, "no match, invalid query");
  // As EvalMatch: each word's best variant per field, summed fields first.
  float total = 0;
  uint64_t words_seen = 0;
  std::vector<docsearch::v1::Explanation> details;
  for (const auto& [field, boost] : *fields) {
    for (size_t i = 0; i < words->size(); ++i) {
      float best = 0;
      std::optional<docsearch::v1::Explanation> best_node;
      for (const std::string& variant : (*words)[i]) {
        TermLists lists = field->Lists(variant);
        if (lists.empty() || !binder_.index().live()[doc]) continue;
        TermCursor cursor(std::move(lists));
        cursor.Advance(doc);
        if (cursor.doc() != doc) continue;
        const uint64_t df = Bm25DocumentFrequency(
            binder_.index(), *field, variant, field->DocumentFrequency(variant), binder_.scoring());
        const float idf = binder_.Idf(df);
        const float score = boost * binder_.TermScore(*field, doc, cursor.frequency(), idf);
        if (!best_node || score > best) {
          best = std::max(best, score);
          best_node = ExplainTerm(absl::StrCat(binder_.FieldName(field), ":", variant), *field,
                                  boost, doc, cursor.frequency(), df, idf, score);
        }
      }
      if (best_node) {
        total += best;
        words_seen |= uint64_t{1} << i;
        details.push_back(*std::move(best_node));
      }
    }
  }
  const int required = match.operator_() == docsearch::v1::MATCH_OPERATOR_AND
                           ? static_cast<int>(words->size())
                           : std::max(1, match.minimum_should_match());
  matched = std::popcount(words_seen) >= required;
  docsearch::v1::Explanation node =
      matched ? Node(total, absl::StrCat("sum of the best variant of each matched word in each "
                                         "field, match \"",
                                         match.text(), "\":"))
              : Node(0, absl::StrCat("no match: ", std::popcount(words_seen), " of ", required,
                                     " required words"));
  for (auto& detail : details) *node.add_details() = std::move(detail);
  return node;
}

docsearch::v1::Explanation QueryExplainer::ExplainPhrase(const docsearch::v1::PhraseQuery& phrase,
                                                         DocId doc, bool& matched) {
  matched = false;
  absl::StatusOr<std::vector<Word>> words = binder_.AnalyzeWords(phrase.text(), "phrase.text");
  std::vector<std::pair<std::string, float>> requested;
  if (!phrase.field().empty()) requested.push_back({phrase.field(), 1.0f});
  auto fields = binder_.TextFields(requested, "phrase.field");
  if (!words.ok() || !fields.ok() || words->empty() || !binder_.index().live()[doc]) {
    return Node(0, "no match");
  }
  for (auto& field : *fields) field.second *= PhraseBoost(phrase);
  float total = 0;
  std::vector<docsearch::v1::Explanation> details;
  for (const auto& [field, boost] : *fields) {
    // As EvalPhrase: the words' idf summed, and the document's positions of
    // each word (variants merged).
    float idf_sum = 0;
    std::vector<std::vector<uint32_t>> positions(words->size());
    for (size_t i = 0; i < words->size(); ++i) {
      std::vector<WordCursor::Variant> variants = binder_.Variants(*field, (*words)[i]);
      idf_sum += binder_.PhraseWordIdf(variants);
      WordCursor cursor(binder_.index(), *field, boost, binder_.scoring(), std::move(variants));
      cursor.Advance(doc);
      if (cursor.doc() == doc) cursor.Positions(positions[i]);
    }
    bool in_all = true;
    std::vector<const std::vector<uint32_t>*> lists;
    for (auto& list : positions) {
      in_all = in_all && !list.empty();
      std::sort(list.begin(), list.end());
      lists.push_back(&list);
    }
    if (!in_all) continue;
    const int frequency = PhraseFrequency(lists, phrase.slop());
    if (frequency == 0) continue;
    const float score = boost * binder_.TermScore(*field, doc, frequency, idf_sum);
    total += score;
    details.push_back(
        ExplainTerm(absl::StrCat(binder_.FieldName(field), ":\"", phrase.text(), "\""), *field,
                    boost, doc, frequency, 0, idf_sum, score));
  }
  matched = !details.empty();
  docsearch::v1::Explanation node =
      matched ? Node(total, absl::StrCat("sum over fields of phrase \"", phrase.text(), "\":"))
              : Node(0, absl::StrCat("no match, phrase \"", phrase.text(), "\""));
  for (auto& detail : details) *node.add_details() = std::move(detail);
  return node;
}

docsearch::v1::Explanation QueryExplainer::ExplainBool(const docsearch::v1::BoolQuery& query,
                                                       DocId doc, bool& matched) {
  // As EvalBool: must scores added in order, filters add 0, the sum of the
  // matching should clauses added last; must_not excludes.
  matched = true;
  float result = 0;
  bool started = false;
  std::vector<docsearch::v1::Explanation> details;
  for (const Query& clause : query.must()) {
    bool clause_matched = false;
    docsearch::v1::Explanation child = ExplainNode(clause, doc, clause_matched);
    matched = matched && clause_matched;
    const float value = static_cast<float>(child.value());
    result = started ? result + value : value;
    started = true;
    child.set_description(absl::StrCat("must: ", child.description()));
    details.push_back(std::move(child));
  }
  for (const Query& clause : query.filter()) {
    bool clause_matched = false;
    docsearch::v1::Explanation child = ExplainNode(clause, doc, clause_matched);
    matched = matched && clause_matched;
    result = started ? result + 0.0f : 0.0f;
    started = true;
    docsearch::v1::Explanation wrapper =
        Node(0, clause_matched ? "filter (not scored), matches:" : "filter, no match:");
    *wrapper.add_details() = std::move(child);
    details.push_back(std::move(wrapper));
  }
  const bool has_required = started;
  int minimum_should = query.minimum_should_match();
  if (minimum_should == 0 && !has_required && query.should_size() > 0) minimum_should = 1;
  float should_sum = 0;
  int should_count = 0;
  for (const Query& clause : query.should()) {
    bool clause_matched = false;
    docsearch::v1::Explanation child = ExplainNode(clause, doc, clause_matched);
    if (clause_matched) {
      should_sum += static_cast<float>(child.value());
      ++should_count;
    }
    child.set_description(absl::StrCat("should: ", child.description()));
    details.push_back(std::move(child));
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
    bool clause_matched = false;
    docsearch::v1::Explanation child = ExplainNode(clause, doc, clause_matched);
    if (clause_matched) matched = false;
    docsearch::v1::Explanation wrapper =
        Node(0, clause_matched ? "must_not, matches (excluded):" : "must_not, no match:");
    *wrapper.add_details() = std::move(child);
    details.push_back(std::move(wrapper));
  }
  docsearch::v1::Explanation node =
      matched ? Node(result, "sum of the must and should clauses:") : Node(0, "no match, bool:");
  for (auto& detail : details) *node.add_details() = std::move(detail);
  return node;
}

}  // namespace docsearch::query
