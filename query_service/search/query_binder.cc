#include "query_service/search/query_binder.h"

#include <algorithm>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/analysis_languages.h"
#include "query_service/search/function_words.h"

namespace docsearch::query {
namespace {

// Without a query language, the stemmers that give query words their
// variants (the two languages most documents are in); "" is the unstemmed
// form, which documents of languages without a stemmer are indexed with.
constexpr std::string_view kUnknownQueryLanguages[] = {"en", "fr", ""};

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

absl::StatusOr<std::vector<QueryBinder::Word>> QueryBinder::AnalyzeWords(
    const std::string& text, const std::string& path, const std::string& language) {
  if (text.empty()) return absl::InvalidArgumentError(absl::StrCat(path, " is empty"));
  std::vector<std::vector<Token>> analyses;
  std::vector<std::string_view> languages;
  const std::string& analysis_language = language.empty() ? query_language_ : language;
  if (analysis_language.empty()) {
    languages.assign(std::begin(kUnknownQueryLanguages), std::end(kUnknownQueryLanguages));
  } else {
    languages = {analysis_language, ""};
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

absl::StatusOr<QueryBinder::FieldBoosts> QueryBinder::TextFields(
    const std::vector<std::pair<std::string, float>>& requested, const std::string& path) const {
  std::vector<std::pair<const TextFieldIndex*, float>> fields;
  if (requested.empty()) {
    fields.push_back({&index_.title(), scoring_.title_boost});
    fields.push_back({&index_.body(), 1.0f});
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

std::vector<float> QueryBinder::WordWeights(const std::vector<Word>& words) const {
  // A word's analysed forms; the first is its form in the query's
  // language, which a function word keeps ("de", "the").
  std::vector<float> weights(words.size(), 1.0f);
  if (query_language_.empty() || scoring_.function_word_weight == 1.0f) return weights;
  bool all_function_words = true;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!words[i].empty() && IsFunctionWord(words[i].front(), query_language_)) {
      weights[i] = scoring_.function_word_weight;
    } else {
      all_function_words = false;
    }
  }
  // "to be or not to be": a match of function words only scores them all.
  if (all_function_words) weights.assign(words.size(), 1.0f);
  return weights;
}

float QueryBinder::Idf(uint64_t document_frequency) const {
  return Bm25Idf(Bm25DocumentCount(index_, scoring_), document_frequency);
}

float QueryBinder::PhraseWordIdf(const std::vector<WordCursor::Variant>& variants) const {
  uint64_t document_frequency = 0;
  for (const WordCursor::Variant& variant : variants) {
    document_frequency = std::max<uint64_t>(document_frequency, variant.document_frequency);
  }
  return Idf(document_frequency);
}

absl::StatusOr<QueryBinder::BoundMatch> QueryBinder::BindMatch(
    const docsearch::v1::MatchQuery& match, const std::string& path) {
  BoundMatch bound;
  absl::StatusOr<std::vector<Word>> words = AnalyzeWords(match.text(), path + ".text");
  if (!words.ok()) return words.status();
  bound.words = *std::move(words);
  std::vector<std::pair<std::string, float>> requested;
  for (const auto& field : match.fields()) requested.push_back({field.field(), field.boost()});
  absl::StatusOr<FieldBoosts> fields = TextFields(requested, path + ".fields");
  if (!fields.ok()) return fields.status();
  bound.fields = *std::move(fields);
  const int word_count = static_cast<int>(bound.words.size());
  if (match.minimum_should_match() < 0 || match.minimum_should_match() > word_count) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ".minimum_should_match must be between 0 and the number of words (",
                     word_count, ")"));
  }
  bound.required = match.operator_() == docsearch::v1::MATCH_OPERATOR_AND
                       ? word_count
                       : std::max(1, match.minimum_should_match());
  return bound;
}

absl::StatusOr<QueryBinder::BoundPhrase> QueryBinder::BindPhrase(
    const docsearch::v1::PhraseQuery& phrase, const std::string& path) {
  BoundPhrase bound;
  absl::StatusOr<std::string> language =
      RequestedAnalysisLanguage(phrase.language(), path + ".language");
  if (!language.ok()) return language.status();
  absl::StatusOr<std::vector<Word>> words = AnalyzeWords(phrase.text(), path + ".text", *language);
  if (!words.ok()) return words.status();
  bound.words = *std::move(words);
  if (phrase.slop() < 0) return absl::InvalidArgumentError(absl::StrCat(path, ".slop is negative"));
  bound.slop = phrase.slop();
  std::vector<std::pair<std::string, float>> requested;
  if (!phrase.field().empty()) requested.push_back({phrase.field(), 1.0f});
  absl::StatusOr<FieldBoosts> fields = TextFields(requested, path + ".field");
  if (!fields.ok()) return fields.status();
  bound.fields = *std::move(fields);
  if (phrase.boost() < 0) {
    return absl::InvalidArgumentError(absl::StrCat(path, ".boost is negative"));
  }
  for (auto& field : bound.fields) field.second *= PhraseBoost(phrase);
  return bound;
}

PhraseScorer QueryBinder::PhraseScorerOf(const BoundPhrase& phrase, const TextFieldIndex& field,
                                         float boost, const std::string& text, DocId first) const {
  std::vector<WordCursor> cursors;
  float idf_sum = 0;
  for (const Word& word : phrase.words) {
    std::vector<WordCursor::Variant> variants = Variants(field, word);
    idf_sum += PhraseWordIdf(variants);
    cursors.emplace_back(index_, field, boost, scoring_, std::move(variants));
  }
  return PhraseScorer(index_, scoring_, std::move(cursors), idf_sum, phrase.slop, text, first);
}

std::vector<WordCursor> QueryBinder::MatchCursors(const FieldBoosts& fields,
                                                  const std::vector<Word>& words,
                                                  std::vector<size_t>& word_of) const {
  std::vector<WordCursor> cursors;
  word_of.clear();
  const std::vector<float> weights = WordWeights(words);
  for (const auto& [field, boost] : fields) {
    for (size_t i = 0; i < words.size(); ++i) {
      std::vector<WordCursor::Variant> variants =
          WordCursor::VariantsOf(index_, *field, words[i], scoring_);
      if (variants.empty()) continue;
      // Each field's BM25 is linear in its boost: the word's weight scales it.
      cursors.emplace_back(index_, *field, boost * weights[i], scoring_, std::move(variants));
      word_of.push_back(i);
    }
  }
  return cursors;
}

std::vector<FieldedWordCursor> QueryBinder::FieldedMatchCursors(
    const FieldBoosts& fields, const std::vector<Word>& words, std::vector<size_t>& word_of) const {
  std::vector<FieldedWordCursor> cursors;
  word_of.clear();
  const std::vector<float> weights = WordWeights(words);
  for (size_t i = 0; i < words.size(); ++i) {
    std::vector<WordCursor> in_fields;
    for (const auto& [field, boost] : fields) {
      std::vector<WordCursor::Variant> variants =
          WordCursor::VariantsOf(index_, *field, words[i], scoring_);
      if (variants.empty()) continue;
      in_fields.emplace_back(index_, *field, boost, scoring_, std::move(variants));
    }
    if (in_fields.empty()) continue;
    cursors.emplace_back(std::move(in_fields), scoring_, Bm25DocumentCount(index_, scoring_),
                         weights[i]);
    word_of.push_back(i);
  }
  return cursors;
}

absl::StatusOr<std::vector<const std::vector<DocId>*>> QueryBinder::KeywordLists(
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
  auto values_it = index_.keywords().find(field);
  std::vector<const std::vector<DocId>*> lists;
  for (const std::string& value : values) {
    std::string key = value;
    if (field == "doc_type") {
      absl::StatusOr<std::string> normalized = NormalizeDocType(value, path + ".value");
      if (!normalized.ok()) return normalized.status();
      key = *normalized;
    }
    key = analyzer_.FoldWord(key);
    if (values_it == index_.keywords().end()) continue;
    auto docs = values_it->second.find(key);
    if (docs != values_it->second.end()) lists.push_back(&docs->second);
  }
  return lists;
}

std::string QueryBinder::FieldName(const TextFieldIndex* field) const {
  return std::string(field == &index_.title() ? kTitleField : kBodyField);
}

}  // namespace docsearch::query
