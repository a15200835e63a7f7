#include "query_service/search/query_string_parser.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/word_variants.h"
#include "query_service/search/query_string_clauses.h"
#include "query_service/search/range_bound.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Query;

class Parser {
 public:
  Parser(absl::string_view text, const FieldKindResolver& kind_of, const QueryStringLimits& limits,
         const QueryStringOptions& options)
      : text_(text), kind_of_(kind_of), limits_(limits), options_(options) {}

  absl::StatusOr<Query> Parse() {
    SkipSpace();
    if (AtEnd()) return Error("query_string is empty");
    absl::StatusOr<Query> query = ParseOr(0);
    if (!query.ok()) return query;
    SkipSpace();
    if (!AtEnd()) {
      return Error(Peek() == ')' ? "')' without a matching '('" : "unexpected text");
    }
    return query;
  }

 private:
  absl::Status Error(absl::string_view message) const { return ErrorAt(pos_, message); }
  absl::Status ErrorAt(size_t position, absl::string_view message) const {
    return absl::InvalidArgumentError(
        absl::StrCat("query_string: position ", position + 1, ": ", message));
  }

  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  void SkipSpace() {
    while (!AtEnd() && absl::ascii_isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  // Consumes `word` when it stands alone at the cursor (AND, OR, NOT).
  bool ConsumeOperator(absl::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    size_t end = pos_ + word.size();
    if (end < text_.size() && !absl::ascii_isspace(static_cast<unsigned char>(text_[end])) &&
        text_[end] != '(' && text_[end] != '"') {
      return false;
    }
    pos_ = end;
    return true;
  }

  static bool EndsWord(char c) {
    return absl::ascii_isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == '"';
  }

  // Reads a word up to a space, parenthesis, quote, or (when `stop_at_colon`)
  // a colon; backslash escapes.
  std::string ReadWord(bool stop_at_colon, absl::string_view extra_stops = "") {
    std::string word;
    while (!AtEnd()) {
      char c = text_[pos_];
      if (c == '\\' && pos_ + 1 < text_.size()) {
        word.push_back(text_[pos_ + 1]);
        pos_ += 2;
        continue;
      }
      if (EndsWord(c) || (stop_at_colon && c == ':') ||
          extra_stops.find(c) != absl::string_view::npos) {
        break;
      }
      word.push_back(c);
      ++pos_;
    }
    return word;
  }

  // Reads "..." at the cursor (which is on the opening quote).
  absl::StatusOr<std::string> ReadQuoted() {
    const size_t start = pos_++;
    std::string value;
    while (!AtEnd() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      value.push_back(text_[pos_++]);
    }
    if (AtEnd()) return ErrorAt(start, "unclosed '\"'");
    ++pos_;
    return value;
  }

  // An optional ~N after a phrase.
  absl::StatusOr<int> ReadSlop() {
    if (Peek() != '~') return 0;
    const size_t start = ++pos_;
    std::string digits = ReadWord(false);
    int slop = 0;
    if (!absl::SimpleAtoi(digits, &slop) || slop < 0 || slop > 1000) {
      return ErrorAt(start, "expected a number of words after '~'");
    }
    return slop;
  }

  absl::StatusOr<Query> ParseOr(int depth) {
    std::vector<Query> alternatives;
    while (true) {
      absl::StatusOr<Query> group = ParseAnd(depth);
      if (!group.ok()) return group;
      alternatives.push_back(*std::move(group));
      SkipSpace();
      if (!(ConsumeOperator("OR") || ConsumeOperator("||"))) break;
      SkipSpace();
      if (AtEnd() || Peek() == ')') return Error("expected a clause after OR");
    }
    if (alternatives.size() == 1) return alternatives[0];
    Query query;
    for (Query& alternative : alternatives)
      *query.mutable_boolean()->add_should() = std::move(alternative);
    query.mutable_boolean()->set_minimum_should_match(1);
    return query;
  }

  absl::StatusOr<Query> ParseAnd(int depth) {
    std::vector<QueryStringClause> clauses;
    while (true) {
      SkipSpace();
      if (AtEnd() || Peek() == ')') break;
      const size_t before = pos_;
      if (ConsumeOperator("OR") || ConsumeOperator("||")) {
        pos_ = before;
        break;
      }
      bool joined_by_and = false;
      if (!clauses.empty() && (ConsumeOperator("AND") || ConsumeOperator("&&"))) {
        SkipSpace();
        if (AtEnd() || Peek() == ')') return Error("expected a clause after AND");
        joined_by_and = true;
      }
      absl::StatusOr<QueryStringClause> clause = ParseUnary(depth);
      if (!clause.ok()) return clause.status();
      if (joined_by_and) {
        clauses.back().required = true;
        clause->required = true;
      }
      clauses.push_back(*std::move(clause));
    }
    if (clauses.empty()) return Error("expected a clause");
    if (clauses.size() == 1 && !clauses[0].negated) return clauses[0].query;
    return CombineClauses(std::move(clauses), depth == 0, options_);
  }

  absl::StatusOr<QueryStringClause> ParseUnary(int depth) {
    bool negated = false;
    bool required = false;
    while (true) {
      SkipSpace();
      if (ConsumeOperator("NOT") || ConsumeOperator("!")) {
        negated = !negated;
      } else if (Peek() == '-' && pos_ + 1 < text_.size() && !EndsWord(text_[pos_ + 1])) {
        ++pos_;
        negated = !negated;
      } else if (Peek() == '+' && pos_ + 1 < text_.size() && !EndsWord(text_[pos_ + 1])) {
        ++pos_;
        required = true;
      } else {
        break;
      }
    }
    if (AtEnd()) return Error("expected a clause");
    absl::StatusOr<QueryStringClause> clause = ParsePrimary(depth);
    if (!clause.ok()) return clause;
    clause->negated = negated;
    clause->required = required;
    return clause;
  }

  absl::StatusOr<QueryStringClause> ParsePrimary(int depth) {
    QueryStringClause clause;
    if (Peek() == '(') {
      if (depth + 1 > limits_.max_depth) {
        return Error(absl::StrCat("parentheses nested deeper than ", limits_.max_depth));
      }
      const size_t open = pos_++;
      absl::StatusOr<Query> inner = ParseOr(depth + 1);
      if (!inner.ok()) return inner.status();
      SkipSpace();
      if (Peek() != ')') return ErrorAt(open, "'(' is never closed");
      ++pos_;
      clause.query = *std::move(inner);
      return clause;
    }
    if (Peek() == '"') {
      absl::StatusOr<std::string> phrase = ReadQuoted();
      if (!phrase.ok()) return phrase.status();
      absl::StatusOr<int> slop = ReadSlop();
      if (!slop.ok()) return slop.status();
      clause.query.mutable_phrase()->set_text(*phrase);
      clause.query.mutable_phrase()->set_slop(*slop);
      return clause;
    }
    const size_t start = pos_;
    std::string word = ReadWord(/*stop_at_colon=*/true);
    if (Peek() == ':' && !word.empty()) {
      ++pos_;
      return ParseFieldValue(word, start);
    }
    if (word.empty()) return Error(absl::StrCat("unexpected '", std::string(1, Peek()), "'"));
    if (word.size() > 1 && word.back() == '*') {
      word.pop_back();
      auto* should = clause.query.mutable_boolean();
      for (absl::string_view field : {kTitleField, kBodyField}) {
        auto* prefix = should->add_should()->mutable_prefix();
        prefix->set_field(std::string(field));
        prefix->set_prefix(word);
      }
      should->set_minimum_should_match(1);
      return clause;
    }
    if (IsCompound(word)) {
      // The whole compound or nothing, never one part alone. The analysis
      // indexes a compound under its closed form too (text_analyzer.h), so
      // after a bound prefix ("co-operation") the closed form is the word;
      // otherwise ("NATO-Ukraine", "peace-keeping") the parts adjacent, or
      // the closed form for texts that write it so ("peacekeeping").
      std::string closed;
      for (char c : word) {
        if (c != '-') closed.push_back(c);
      }
      const std::string first_part = absl::AsciiStrToLower(word.substr(0, word.find('-')));
      if (IsBoundPrefix(first_part)) {
        // "non-proliferation", "counter-terrorism": a text on proliferation
        // or terrorism that never writes the prefixed word is on the
        // query's topic too (Lucene's analyzers split the word and find
        // it), at a lower weight. Only after the prefixes that leave the
        // root's topic whole, and for a root long enough to be one:
        // "co-operation" is not "operation", "multi-year" not "year",
        // "under-secretary" not "secretary", "non-state" not "state".
        const std::string rest = word.substr(word.find('-') + 1);
        if (!KeepsTheRootsTopic(first_part) || rest.find('-') != std::string::npos ||
            CountLetters(rest) < kMinRootLetters) {
          clause.query.mutable_match()->set_text(closed);
          clause.bare_word = true;
          return clause;
        }
        auto* either = clause.query.mutable_boolean();
        either->add_should()->mutable_match()->set_text(closed);
        auto* root = either->add_should()->mutable_phrase();
        root->set_text(rest);
        root->set_boost(kPrefixedRootBoost);
        either->set_minimum_should_match(1);
        clause.compound = word;
        return clause;
      }
      auto* either = clause.query.mutable_boolean();
      either->add_should()->mutable_phrase()->set_text(word);
      either->add_should()->mutable_match()->set_text(closed);
      either->set_minimum_should_match(1);
      clause.compound = word;
      return clause;
    }
    clause.query.mutable_match()->set_text(word);
    clause.bare_word = true;
    return clause;
  }

  // The weight of a prefixed word's root ("proliferation" for
  // "non-proliferation") against the word itself; and the fewest letters
  // of a root worth finding alone ("pre-war", "non-binding": "war" and
  // "binding" are no topic of their own).
  static constexpr float kPrefixedRootBoost = 0.5f;
  static constexpr int kMinRootLetters = 8;

  static bool KeepsTheRootsTopic(absl::string_view prefix) {
    for (absl::string_view topical : {"non", "anti", "counter", "post", "pre"}) {
      if (prefix == topical) return true;
    }
    return false;
  }

  static int CountLetters(absl::string_view word) {
    int letters = 0;
    for (unsigned char c : word) {
      if (absl::ascii_isalpha(c) || c >= 0xC0) ++letters;
    }
    return letters;
  }

  // "co-operation", "NATO-Ukraine": a hyphen with a letter or digit on each
  // side (a leading "-" is the NOT operator, read before this).
  static bool IsCompound(absl::string_view word) {
    for (size_t i = 1; i + 1 < word.size(); ++i) {
      if (word[i] != '-') continue;
      const unsigned char left = word[i - 1], right = word[i + 1];
      if ((absl::ascii_isalnum(left) || left >= 0x80) &&
          (absl::ascii_isalnum(right) || right >= 0x80))
        return true;
    }
    return false;
  }

  absl::StatusOr<QueryStringClause> ParseFieldValue(const std::string& field,
                                                    size_t field_position) {
    absl::StatusOr<FieldKind> kind = kind_of_(field);
    if (!kind.ok()) return ErrorAt(field_position, kind.status().message());
    QueryStringClause clause;
    clause.scoring = *kind == FieldKind::kText;
    const size_t value_position = pos_;
    if (Peek() == '[' || Peek() == '{') return ParseRange(field, *kind, clause);
    if (Peek() == '(') {
      return Error(absl::StrCat("grouping after a field is not supported; write ", field, ":a OR ",
                                field, ":b"));
    }
    std::string value;
    bool quoted = false;
    int slop = 0;
    if (Peek() == '"') {
      absl::StatusOr<std::string> read = ReadQuoted();
      if (!read.ok()) return read.status();
      absl::StatusOr<int> read_slop = ReadSlop();
      if (!read_slop.ok()) return read_slop.status();
      value = *std::move(read);
      slop = *read_slop;
      quoted = true;
    } else {
      value = ReadWord(/*stop_at_colon=*/false);
    }
    if (value.empty())
      return ErrorAt(value_position, absl::StrCat("expected a value after '", field, ":'"));
    const bool is_prefix = !quoted && value.size() > 1 && value.back() == '*';
    switch (*kind) {
      case FieldKind::kText:
        if (is_prefix) {
          clause.query.mutable_prefix()->set_field(field);
          clause.query.mutable_prefix()->set_prefix(value.substr(0, value.size() - 1));
        } else if (quoted) {
          clause.query.mutable_phrase()->set_field(field);
          clause.query.mutable_phrase()->set_text(value);
          clause.query.mutable_phrase()->set_slop(slop);
        } else {
          clause.query.mutable_match()->set_text(value);
          clause.query.mutable_match()->add_fields()->set_field(field);
        }
        return clause;
      case FieldKind::kKeyword:
        if (is_prefix) {
          clause.query.mutable_prefix()->set_field(field);
          clause.query.mutable_prefix()->set_prefix(value.substr(0, value.size() - 1));
        } else {
          clause.query.mutable_term()->set_field(field);
          clause.query.mutable_term()->set_value(value);
        }
        return clause;
      case FieldKind::kDate:
        if (absl::Status valid = ParseIsoDatePeriod(value).status(); !valid.ok()) {
          return ErrorAt(value_position, valid.message());
        }
        [[fallthrough]];
      case FieldKind::kNumber: {
        double number = 0;
        if (*kind == FieldKind::kNumber && !absl::SimpleAtod(value, &number)) {
          return ErrorAt(value_position, absl::StrCat("'", value, "' is not a number"));
        }
        auto* range = clause.query.mutable_range();
        range->set_field(field);
        range->set_gte(value);
        range->set_lte(value);
        return clause;
      }
    }
    return Error("unsupported field kind");
  }

  absl::StatusOr<QueryStringClause> ParseRange(const std::string& field, FieldKind kind,
                                               QueryStringClause clause) {
    const size_t open = pos_;
    const bool inclusive_low = Peek() == '[';
    ++pos_;
    if (kind != FieldKind::kDate && kind != FieldKind::kNumber) {
      return ErrorAt(open, absl::StrCat("'", field, "' is a ", FieldKindName(kind),
                                        " field; ranges need a date or number field"));
    }
    SkipSpace();
    const size_t low_position = pos_;
    std::string low = ReadWord(false, "]}");
    SkipSpace();
    if (!ConsumeOperator("TO")) return Error("expected 'TO' in the range");
    SkipSpace();
    const size_t high_position = pos_;
    std::string high = ReadWord(false, "]}");
    SkipSpace();
    if (Peek() != ']' && Peek() != '}')
      return ErrorAt(open, "range is never closed with ']' or '}'");
    const bool inclusive_high = Peek() == ']';
    ++pos_;
    for (const auto& [bound, position] :
         {std::pair{&low, low_position}, std::pair{&high, high_position}}) {
      if (bound->empty()) return ErrorAt(position, "expected a bound or '*'");
      if (*bound == "*") continue;
      if (kind == FieldKind::kDate) {
        if (absl::Status valid = ParseIsoDatePeriod(*bound).status(); !valid.ok()) {
          return ErrorAt(position, valid.message());
        }
      } else if (double number; !absl::SimpleAtod(*bound, &number)) {
        return ErrorAt(position, absl::StrCat("'", *bound, "' is not a number"));
      }
    }
    auto* range = clause.query.mutable_range();
    range->set_field(field);
    if (low != "*") inclusive_low ? range->set_gte(low) : range->set_gt(low);
    if (high != "*") inclusive_high ? range->set_lte(high) : range->set_lt(high);
    return clause;
  }

  const absl::string_view text_;
  const FieldKindResolver& kind_of_;
  const QueryStringLimits limits_;
  const QueryStringOptions options_;
  size_t pos_ = 0;
};

}  // namespace

absl::StatusOr<Query> ParseQueryString(absl::string_view text, const FieldKindResolver& kind_of,
                                       const QueryStringLimits& limits,
                                       const QueryStringOptions& options) {
  if (text.size() > limits.max_length) {
    return absl::InvalidArgumentError(
        absl::StrCat("query_string is ", text.size(), " bytes; the limit is ", limits.max_length));
  }
  if (options.minimum_should_match < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "minimum_should_match is ", options.minimum_should_match, "; it must be 0 or more"));
  }
  return Parser(text, kind_of, limits, options).Parse();
}

}  // namespace docsearch::query
