#include "query_service/search/query_evaluator.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "query_service/search/phrase_frequency.h"
#include "query_service/search/range_bound.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Query;

// Without a query language, the stemmers that give query words their
// variants (the two languages most documents are in); "" is the unstemmed
// form, which documents of languages without a stemmer are indexed with.
constexpr std::string_view kUnknownQueryLanguages[] = {"en", "fr", ""};

DocList Intersect(const DocList& a, const DocList& b, bool add_scores) {
  DocList out;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].doc < b[j].doc) {
      ++i;
    } else if (b[j].doc < a[i].doc) {
      ++j;
    } else {
      out.push_back({a[i].doc, add_scores ? a[i].score + b[j].score : a[i].score});
      ++i, ++j;
    }
  }
  return out;
}

DocList Subtract(const DocList& a, const DocList& b) {
  DocList out;
  size_t j = 0;
  for (const ScoredDoc& entry : a) {
    while (j < b.size() && b[j].doc < entry.doc) ++j;
    if (j < b.size() && b[j].doc == entry.doc) continue;
    out.push_back(entry);
  }
  return out;
}

// Adds the scores of `b` to the documents of `a` that are in both.
void AddScores(DocList& a, const DocList& b) {
  size_t j = 0;
  for (ScoredDoc& entry : a) {
    while (j < b.size() && b[j].doc < entry.doc) ++j;
    if (j < b.size() && b[j].doc == entry.doc) entry.score += b[j].score;
  }
}

DocList SortedFromMap(const absl::flat_hash_map<DocId, float>& scores) {
  DocList out;
  out.reserve(scores.size());
  for (const auto& [doc, score] : scores) out.push_back({doc, score});
  std::sort(out.begin(), out.end(),
            [](const ScoredDoc& a, const ScoredDoc& b) { return a.doc < b.doc; });
  return out;
}

// The doc_type keyword a user means by `value`: "press_statement",
// "PRESS_STATEMENT" and "DOC_TYPE_PRESS_STATEMENT" all name one type.
absl::StatusOr<std::string> NormalizeDocType(const std::string& value, const std::string& path) {
  std::string name = absl::AsciiStrToLower(value);
  if (absl::StartsWith(name, "doc_type_")) name.erase(0, 9);
  std::string known;
  for (int type = docsearch::v1::DocType_MIN; type <= docsearch::v1::DocType_MAX; ++type) {
    if (!docsearch::v1::DocType_IsValid(type)) continue;
    std::string keyword = DocTypeKeyword(static_cast<docsearch::v1::DocType>(type));
    if (keyword == name) return keyword;
    absl::StrAppend(&known, known.empty() ? "" : ", ", keyword);
  }
  return absl::InvalidArgumentError(
      absl::StrCat(path, ": unknown doc_type '", value, "' (known: ", known, ")"));
}

}  // namespace

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
      return EvalTerms(query.term().field(), {query.term().value()}, path + ".term");
    case Query::kTerms:
      if (query.terms().values().empty()) {
        return absl::InvalidArgumentError(absl::StrCat(path, ".terms.values is empty"));
      }
      return EvalTerms(query.terms().field(),
                       {query.terms().values().begin(), query.terms().values().end()},
                       path + ".terms");
    case Query::kPrefix:
      return EvalPrefix(query.prefix(), path + ".prefix");
    case Query::kRange:
      return EvalRange(query.range(), path + ".range");
    case Query::kBoolean:
      if (depth + 1 > limits_.max_depth) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ": bool queries nested deeper than ", limits_.max_depth));
      }
      return EvalBool(query.boolean(), path + ".boolean", depth + 1);
    case Query::kMatchAll:
      return AllLive();
    case Query::KIND_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      path, " is empty: set one of match, phrase, term, terms, prefix, range, boolean, match_all"));
}

absl::StatusOr<std::vector<QueryEvaluator::Word>> QueryEvaluator::AnalyzeWords(
    const std::string& text, const std::string& path) {
  if (text.empty()) return absl::InvalidArgumentError(absl::StrCat(path, " is empty"));
  std::vector<std::vector<Token>> analyses;
  std::vector<std::string_view> languages;
  if (query_language_.empty()) {
    languages.assign(std::begin(kUnknownQueryLanguages), std::end(kUnknownQueryLanguages));
  } else {
    languages = {query_language_, ""};
  }
  for (std::string_view language : languages) {
    analyses.push_back(analyzer_.Analyze(
        text, language, language.empty() ? Stemming::kNone : Stemming::kByLanguage));
  }
  // Every analysis segments the same way: the tokens at one position are one
  // word, and a compound's closed form ("cooperation" for "co-operation")
  // shares its first part's position, so it is one more variant of that word.
  std::vector<Word> words;
  for (const auto& tokens : analyses) {
    for (const Token& token : tokens) {
      if (token.position >= words.size()) words.resize(token.position + 1);
      Word& word = words[token.position];
      if (std::find(word.begin(), word.end(), token.term) == word.end()) {
        word.push_back(token.term);
      }
      highlight_terms_.insert(token.term);
    }
  }
  if (static_cast<int>(words.size()) > limits_.max_terms) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, " has ", words.size(), " words; the limit is ", limits_.max_terms));
  }
  return words;
}

absl::StatusOr<std::vector<std::pair<const TextFieldIndex*, float>>> QueryEvaluator::TextFields(
    const std::vector<std::pair<std::string, float>>& requested, const std::string& path) const {
  std::vector<std::pair<const TextFieldIndex*, float>> fields;
  if (requested.empty()) {
    fields.push_back({&index_.title, scoring_.title_boost});
    fields.push_back({&index_.body, 1.0f});
    return fields;
  }
  for (const auto& [name, boost] : requested) {
    absl::StatusOr<FieldKind> kind = index_.KindOf(name);
    if (!kind.ok())
      return absl::InvalidArgumentError(absl::StrCat(path, ": ", kind.status().message()));
    if (*kind != FieldKind::kText) {
      return absl::InvalidArgumentError(absl::StrCat(path, ": field '", name, "' is a ",
                                                     FieldKindName(*kind),
                                                     " field; text queries need title or body"));
    }
    if (boost < 0) {
      return absl::InvalidArgumentError(absl::StrCat(path, ": boost of '", name, "' is negative"));
    }
    fields.push_back({index_.TextField(name), boost == 0 ? 1.0f : boost});
  }
  return fields;
}

float QueryEvaluator::Idf(uint64_t document_frequency) const {
  return Bm25Idf(index_.live_count, document_frequency);
}

float QueryEvaluator::PhraseWordIdf(const std::vector<WordCursor::Variant>& variants) const {
  uint64_t document_frequency = 0;
  for (const WordCursor::Variant& variant : variants) {
    document_frequency = std::max<uint64_t>(document_frequency, variant.document_frequency);
  }
  return Idf(document_frequency);
}

float QueryEvaluator::TermScore(const TextFieldIndex& field, DocId doc, float frequency,
                                float idf) const {
  return Bm25Score(scoring_, Bm25AverageLength(index_, field), field.lengths[doc], frequency, idf);
}

std::vector<WordCursor> QueryEvaluator::MatchCursors(
    const std::vector<std::pair<const TextFieldIndex*, float>>& fields,
    const std::vector<Word>& words, std::vector<size_t>& word_of) const {
  std::vector<WordCursor> cursors;
  word_of.clear();
  for (const auto& [field, boost] : fields) {
    for (size_t i = 0; i < words.size(); ++i) {
      std::vector<WordCursor::Variant> variants = WordCursor::VariantsOf(index_, *field, words[i]);
      if (variants.empty()) continue;
      cursors.emplace_back(index_, *field, boost, scoring_, std::move(variants));
      word_of.push_back(i);
    }
  }
  return cursors;
}

absl::StatusOr<DocList> QueryEvaluator::EvalMatch(const docsearch::v1::MatchQuery& match,
                                                  const std::string& path) {
  absl::StatusOr<std::vector<Word>> words = AnalyzeWords(match.text(), path + ".text");
  if (!words.ok()) return words.status();
  std::vector<std::pair<std::string, float>> requested;
  for (const auto& field : match.fields()) requested.push_back({field.field(), field.boost()});
  auto fields = TextFields(requested, path + ".fields");
  if (!fields.ok()) return fields.status();
  if (match.minimum_should_match() < 0 ||
      match.minimum_should_match() > static_cast<int>(words->size())) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ".minimum_should_match must be between 0 and the number of words (",
                     words->size(), ")"));
  }

  const int required = match.operator_() == docsearch::v1::MATCH_OPERATOR_AND
                           ? static_cast<int>(words->size())
                           : std::max(1, match.minimum_should_match());
  // Document at a time over one cursor per (field, word).
  std::vector<size_t> word_of;
  std::vector<WordCursor> cursors = MatchCursors(*fields, *words, word_of);
  DocList out;
  if (words->empty()) return out;
  const bool all_words = required == static_cast<int>(words->size());
  // The smallest doc any cursor of word `i` is on.
  std::vector<DocId> word_doc(words->size());
  auto settle_words = [&] {
    std::fill(word_doc.begin(), word_doc.end(), WordCursor::kEnd);
    for (size_t c = 0; c < cursors.size(); ++c) {
      word_doc[word_of[c]] = std::min(word_doc[word_of[c]], cursors[c].doc());
    }
  };
  while (true) {
    DocId doc = WordCursor::kEnd;
    if (all_words) {
      // Leapfrog: every word must reach the same document; cursors jump over
      // whole blocks to the furthest word's document.
      settle_words();
      while (true) {
        const DocId target = *std::max_element(word_doc.begin(), word_doc.end());
        if (target == WordCursor::kEnd) break;
        bool aligned = true;
        for (WordCursor& cursor : cursors) {
          if (cursor.doc() < target) cursor.Advance(target);
        }
        settle_words();
        for (DocId d : word_doc) aligned = aligned && d == target;
        if (aligned) {
          doc = target;
          break;
        }
      }
    } else {
      for (const WordCursor& cursor : cursors) doc = std::min(doc, cursor.doc());
    }
    if (doc == WordCursor::kEnd) break;
    float score = 0;
    uint64_t words_seen = 0;  // Bit i: word i matched in some field.
    for (size_t c = 0; c < cursors.size(); ++c) {
      if (cursors[c].doc() != doc) continue;
      score += cursors[c].Score();
      words_seen |= uint64_t{1} << word_of[c];
      cursors[c].Next();
    }
    if (std::popcount(words_seen) >= required) out.push_back({doc, score});
  }
  return out;
}

absl::StatusOr<DocList> QueryEvaluator::EvalPhrase(const docsearch::v1::PhraseQuery& phrase,
                                                   const std::string& path) {
  absl::StatusOr<std::vector<Word>> words = AnalyzeWords(phrase.text(), path + ".text");
  if (!words.ok()) return words.status();
  if (phrase.slop() < 0) return absl::InvalidArgumentError(absl::StrCat(path, ".slop is negative"));
  std::vector<std::pair<std::string, float>> requested;
  if (!phrase.field().empty()) requested.push_back({phrase.field(), 1.0f});
  auto fields = TextFields(requested, path + ".field");
  if (!fields.ok()) return fields.status();
  if (phrase.boost() < 0)
    return absl::InvalidArgumentError(absl::StrCat(path, ".boost is negative"));
  for (auto& field : *fields) field.second *= PhraseBoost(phrase);
  if (words->empty()) return DocList{};

  absl::flat_hash_map<DocId, float> scores;
  std::vector<std::vector<uint32_t>> positions(words->size());
  std::vector<const std::vector<uint32_t>*> lists;
  for (auto& list : positions) lists.push_back(&list);
  for (const auto& [field, boost] : *fields) {
    std::vector<WordCursor> cursors;
    float idf_sum = 0;
    for (const Word& word : *words) {
      std::vector<WordCursor::Variant> variants = WordCursor::VariantsOf(index_, *field, word);
      idf_sum += PhraseWordIdf(variants);
      cursors.emplace_back(index_, *field, boost, scoring_, std::move(variants));
    }
    // Leapfrog to documents holding every word, then read their positions.
    DocId target = 0;
    while (true) {
      bool aligned = true;
      for (WordCursor& cursor : cursors) {
        cursor.Advance(target);
        if (cursor.doc() != target) {
          aligned = false;
          target = std::max(target, cursor.doc());
        }
      }
      if (target == WordCursor::kEnd) break;
      if (!aligned) continue;
      for (size_t i = 0; i < cursors.size(); ++i) cursors[i].Positions(positions[i]);
      const int frequency = PhraseFrequency(lists, phrase.slop());
      if (frequency > 0) scores[target] += boost * TermScore(*field, target, frequency, idf_sum);
      ++target;
    }
  }
  return SortedFromMap(scores);
}

absl::StatusOr<std::vector<const std::vector<DocId>*>> QueryEvaluator::KeywordLists(
    const std::string& field, const std::vector<std::string>& values, const std::string& path) {
  absl::StatusOr<FieldKind> kind = index_.KindOf(field);
  if (!kind.ok())
    return absl::InvalidArgumentError(absl::StrCat(path, ".field: ", kind.status().message()));
  if (*kind != FieldKind::kKeyword) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ".field: '", field, "' is a ", FieldKindName(*kind),
                     " field; term queries need a keyword field",
                     *kind == FieldKind::kText ? " (use match or phrase)" : " (use range)"));
  }
  auto values_it = index_.keywords.find(field);
  std::vector<const std::vector<DocId>*> lists;
  for (const std::string& value : values) {
    std::string key = value;
    if (field == "doc_type") {
      absl::StatusOr<std::string> normalized = NormalizeDocType(value, path + ".value");
      if (!normalized.ok()) return normalized.status();
      key = *normalized;
    }
    key = analyzer_.FoldWord(key);
    if (values_it == index_.keywords.end()) continue;
    auto docs = values_it->second.find(key);
    if (docs != values_it->second.end()) lists.push_back(&docs->second);
  }
  return lists;
}

absl::StatusOr<DocList> QueryEvaluator::EvalTerms(const std::string& field,
                                                  const std::vector<std::string>& values,
                                                  const std::string& path) {
  absl::StatusOr<std::vector<const std::vector<DocId>*>> lists = KeywordLists(field, values, path);
  if (!lists.ok()) return lists.status();
  // Each list is sorted without duplicates: one is copied as it is, several
  // are merged.
  DocList out;
  for (const std::vector<DocId>* docs : *lists) {
    for (DocId doc : *docs) {
      if (index_.live[doc]) out.push_back({doc, 1.0f});
    }
  }
  if (lists->size() > 1) {
    std::sort(out.begin(), out.end(),
              [](const ScoredDoc& a, const ScoredDoc& b) { return a.doc < b.doc; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const ScoredDoc& a, const ScoredDoc& b) { return a.doc == b.doc; }),
              out.end());
  }
  return out;
}

absl::StatusOr<DocList> QueryEvaluator::EvalPrefix(const docsearch::v1::PrefixQuery& prefix,
                                                   const std::string& path) {
  absl::StatusOr<FieldKind> kind = index_.KindOf(prefix.field());
  if (!kind.ok())
    return absl::InvalidArgumentError(absl::StrCat(path, ".field: ", kind.status().message()));
  if (prefix.prefix().empty())
    return absl::InvalidArgumentError(absl::StrCat(path, ".prefix is empty"));
  const std::string folded = analyzer_.FoldWord(prefix.prefix());
  absl::flat_hash_map<DocId, float> matched;
  int expansions = 0;
  auto expand = [&](const auto& dictionary, auto&& docs_of) -> absl::Status {
    for (const auto& [term, entries] : dictionary) {
      if (!absl::StartsWith(term, folded)) continue;
      if (++expansions > limits_.max_expansions) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ".prefix '", prefix.prefix(), "' matches more than ",
                         limits_.max_expansions, " terms; use a longer prefix"));
      }
      if (prefix.field() == kTitleField || prefix.field() == kBodyField)
        highlight_terms_.insert(term);
      docs_of(term, entries);
    }
    return absl::OkStatus();
  };
  absl::Status status;
  if (*kind == FieldKind::kText) {
    const TextFieldIndex& field = *index_.TextField(prefix.field());
    status = expand(field.terms, [&](const std::string& term, const TermEntry& /*entry*/) {
      for (TermCursor cursor(field.Lists(term)); cursor.doc() != TermCursor::kEnd; cursor.Next()) {
        if (index_.live[cursor.doc()]) matched[cursor.doc()] = 1.0f;
      }
    });
  } else if (*kind == FieldKind::kKeyword) {
    auto values = index_.keywords.find(prefix.field());
    if (values != index_.keywords.end()) {
      status =
          expand(values->second, [&](const std::string& /*value*/, const std::vector<DocId>& docs) {
            for (DocId doc : docs) {
              if (index_.live[doc]) matched[doc] = 1.0f;
            }
          });
    }
  } else {
    return absl::InvalidArgumentError(absl::StrCat(path, ".field: '", prefix.field(), "' is a ",
                                                   FieldKindName(*kind),
                                                   " field; prefix needs a text or keyword field"));
  }
  if (!status.ok()) return status;
  return SortedFromMap(matched);
}

absl::Status QueryEvaluator::AddRange(const docsearch::v1::RangeQuery& range,
                                      const std::string& path, DocFilter& filter) {
  absl::StatusOr<FieldKind> kind = index_.KindOf(range.field());
  if (!kind.ok())
    return absl::InvalidArgumentError(absl::StrCat(path, ".field: ", kind.status().message()));
  if (*kind == FieldKind::kDate) {
    absl::StatusOr<DayInterval> days =
        DateRange(range.gte(), range.gt(), range.lte(), range.lt(), path);
    if (!days.ok()) return days.status();
    auto column = index_.dates.find(range.field());
    filter.AddDateRange(column == index_.dates.end() ? nullptr : &column->second, *days);
    return absl::OkStatus();
  }
  if (*kind == FieldKind::kNumber) {
    absl::StatusOr<NumberRange> bounds =
        NumberRangeOf(range.gte(), range.gt(), range.lte(), range.lt(), path);
    if (!bounds.ok()) return bounds.status();
    auto column = index_.numbers.find(range.field());
    filter.AddNumberRange(column == index_.numbers.end() ? nullptr : &column->second, *bounds);
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(path, ".field: '", range.field(), "' is a ",
                                                 FieldKindName(*kind),
                                                 " field; range needs a date or number field"));
}

absl::StatusOr<DocList> QueryEvaluator::EvalRange(const docsearch::v1::RangeQuery& range,
                                                  const std::string& path) {
  DocFilter filter;
  absl::Status added = AddRange(range, path, filter);
  if (!added.ok()) return added;
  DocList out;
  for (DocId doc = 0; doc < index_.live.size(); ++doc) {
    if (index_.live[doc] && filter.Accepts(doc)) out.push_back({doc, 1.0f});
  }
  return out;
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
  if (!started) result = AllLive();  // Only must_not clauses: everything else.
  for (const DocList& list : *must_not) result = Subtract(result, list);
  return result;
}

DocList QueryEvaluator::AllLive() const {
  DocList out;
  out.reserve(index_.live_count);
  for (DocId doc = 0; doc < index_.live.size(); ++doc) {
    if (index_.live[doc]) out.push_back({doc, 1.0f});
  }
  return out;
}

}  // namespace docsearch::query
