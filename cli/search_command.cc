#include "cli/search_command.h"

#include <grpcpp/client_context.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cli/json_output.h"
#include "cli/search_printer.h"
#include "cli/unary_call.h"
#include "docsearch/v1/query_service.grpc.pb.h"

namespace docsearch::cli {
namespace {

using docsearch::v1::Query;
using docsearch::v1::SearchRequest;

// A --from/--to value split into its parts; month and day are 0 when absent.
struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool ParseFixedDigits(absl::string_view text, size_t digits, int& value) {
  if (text.size() != digits) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return absl::SimpleAtoi(text, &value);
}

absl::StatusOr<PartialDate> ParsePartialDate(absl::string_view flag, absl::string_view text) {
  const absl::Status malformed = absl::InvalidArgumentError(absl::StrFormat(
      "%s: \"%s\" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD", flag, text));
  std::vector<absl::string_view> parts = absl::StrSplit(text, '-');
  if (parts.size() > 3) return malformed;
  PartialDate date;
  if (!ParseFixedDigits(parts[0], 4, date.year)) return malformed;
  if (parts.size() >= 2) {
    if (!ParseFixedDigits(parts[1], 2, date.month)) return malformed;
    if (date.month < 1 || date.month > 12) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s: \"%s\" has no month %d", flag, text, date.month));
    }
  }
  if (parts.size() == 3) {
    if (!ParseFixedDigits(parts[2], 2, date.day)) return malformed;
    if (date.day < 1 || date.day > DaysInMonth(date.year, date.month)) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s: \"%s\" has no day %d", flag, text, date.day));
    }
  }
  return date;
}

// The first day a partial date covers, as YYYY-MM-DD ("2001" → "2001-01-01").
std::string FirstDay(const PartialDate& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year, date.month == 0 ? 1 : date.month,
                         date.day == 0 ? 1 : date.day);
}

// The last day a partial date covers ("2001-02" → "2001-02-28").
std::string LastDay(const PartialDate& date) {
  const int month = date.month == 0 ? 12 : date.month;
  const int day = date.day == 0 ? DaysInMonth(date.year, month) : date.day;
  return absl::StrFormat("%04d-%02d-%02d", date.year, month, day);
}

// The keyword values of the doc_type field, derived from the DocType enum
// ("press_statement", ...), so a new type in the proto is known here too.
std::vector<std::string> KnownDocTypes() {
  std::vector<std::string> names;
  const google::protobuf::EnumDescriptor* descriptor = docsearch::v1::DocType_descriptor();
  for (int i = 0; i < descriptor->value_count(); ++i) {
    std::string name = absl::AsciiStrToLower(descriptor->value(i)->name());
    name = std::string(absl::StripPrefix(name, "doc_type_"));
    names.push_back(std::move(name));
  }
  return names;
}

// Accepts "press_statement", "PRESS-STATEMENT" and "DOC_TYPE_PRESS_STATEMENT".
absl::StatusOr<std::vector<std::string>> NormalizeDocTypes(
    const std::vector<std::string>& flag_values) {
  const std::vector<std::string> known = KnownDocTypes();
  std::vector<std::string> result;
  std::set<std::string> seen;
  for (const std::string& flag_value : flag_values) {
    for (absl::string_view piece : absl::StrSplit(flag_value, ',', absl::SkipWhitespace())) {
      std::string value = absl::AsciiStrToLower(absl::StripAsciiWhitespace(piece));
      std::replace(value.begin(), value.end(), '-', '_');
      value = std::string(absl::StripPrefix(value, "doc_type_"));
      if (std::find(known.begin(), known.end(), value) == known.end()) {
        return absl::InvalidArgumentError(
            absl::StrFormat("--doc_type: unknown document type \"%s\"; known types: %s",
                            absl::StripAsciiWhitespace(piece), absl::StrJoin(known, ", ")));
      }
      if (seen.insert(value).second) result.push_back(std::move(value));
    }
  }
  return result;
}

absl::StatusOr<docsearch::v1::SortOrder> ParseSort(absl::string_view sort) {
  if (sort.empty() || sort == "score") return docsearch::v1::SORT_ORDER_SCORE;
  if (sort == "newest") return docsearch::v1::SORT_ORDER_PUBLISHED_DESC;
  if (sort == "oldest") return docsearch::v1::SORT_ORDER_PUBLISHED_ASC;
  return absl::InvalidArgumentError(
      absl::StrFormat("--sort: \"%s\" is not one of score, newest, oldest", sort));
}

Query TextQuery(const SearchOptions& options) {
  Query query;
  const absl::string_view text = absl::StripAsciiWhitespace(options.text);
  if (text.empty()) {
    query.mutable_match_all();
  } else if (options.phrase) {
    query.mutable_phrase()->set_text(std::string(text));
  } else {
    docsearch::v1::MatchQuery* match = query.mutable_match();
    match->set_text(std::string(text));
    match->add_fields()->set_field("title");
    match->add_fields()->set_field("body");
    if (options.all_words) match->set_operator_(docsearch::v1::MATCH_OPERATOR_AND);
  }
  return query;
}

// The filter clauses of --doc_type, --from and --to, in that order.
absl::StatusOr<std::vector<Query>> BuildFilters(const std::vector<std::string>& doc_type_flags,
                                                const std::string& from_flag,
                                                const std::string& to_flag) {
  std::vector<Query> filters;
  absl::StatusOr<std::vector<std::string>> doc_types = NormalizeDocTypes(doc_type_flags);
  if (!doc_types.ok()) return doc_types.status();
  if (doc_types->size() == 1) {
    docsearch::v1::TermQuery* term = filters.emplace_back().mutable_term();
    term->set_field("doc_type");
    term->set_value(doc_types->front());
  } else if (doc_types->size() > 1) {
    docsearch::v1::TermsQuery* terms = filters.emplace_back().mutable_terms();
    terms->set_field("doc_type");
    for (std::string& value : *doc_types) terms->add_values(std::move(value));
  }

  if (!from_flag.empty() || !to_flag.empty()) {
    docsearch::v1::RangeQuery* range = filters.emplace_back().mutable_range();
    range->set_field("published");
    std::optional<PartialDate> from, to;
    if (!from_flag.empty()) {
      absl::StatusOr<PartialDate> parsed = ParsePartialDate("--from", from_flag);
      if (!parsed.ok()) return parsed.status();
      from = *parsed;
      range->set_gte(from_flag);
    }
    if (!to_flag.empty()) {
      absl::StatusOr<PartialDate> parsed = ParsePartialDate("--to", to_flag);
      if (!parsed.ok()) return parsed.status();
      to = *parsed;
      range->set_lte(to_flag);
    }
    if (from && to && FirstDay(*from) > LastDay(*to)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "--from: %s is after --to=%s, so nothing could match", from_flag, to_flag));
    }
  }
  return filters;
}

absl::StatusOr<docsearch::v1::Interval> ParseHistogram(absl::string_view histogram) {
  if (histogram.empty()) return docsearch::v1::INTERVAL_UNSPECIFIED;
  if (histogram == "year") return docsearch::v1::INTERVAL_YEAR;
  if (histogram == "month") return docsearch::v1::INTERVAL_MONTH;
  return absl::InvalidArgumentError(
      absl::StrFormat("--histogram: \"%s\" is not one of year, month", histogram));
}

// The flags that build a typed query, which --query_string replaces.
std::vector<std::string> TypedQueryFlagsGiven(const SearchOptions& options) {
  std::vector<std::string> given;
  if (!absl::StripAsciiWhitespace(options.text).empty()) given.push_back("TEXT");
  if (!options.doc_types.empty()) given.push_back("--doc_type");
  if (!options.from.empty()) given.push_back("--from");
  if (!options.to.empty()) given.push_back("--to");
  if (options.phrase) given.push_back("--phrase");
  if (options.all_words) given.push_back("--all");
  return given;
}

}  // namespace

absl::StatusOr<std::optional<Query>> BuildFilterQuery(const std::vector<std::string>& doc_types,
                                                      const std::string& from,
                                                      const std::string& to) {
  absl::StatusOr<std::vector<Query>> filters = BuildFilters(doc_types, from, to);
  if (!filters.ok()) return filters.status();
  if (filters->empty()) return std::optional<Query>();
  if (filters->size() == 1) return std::optional<Query>(std::move(filters->front()));
  Query query;
  for (Query& filter : *filters) *query.mutable_boolean()->add_filter() = std::move(filter);
  return std::optional<Query>(std::move(query));
}

absl::StatusOr<SearchRequest> BuildSearchRequest(const SearchOptions& options) {
  const bool use_query_string = !absl::StripAsciiWhitespace(options.query_string).empty();
  if (use_query_string) {
    const std::vector<std::string> conflicting = TypedQueryFlagsGiven(options);
    if (!conflicting.empty()) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "--query_string: cannot be combined with %s; write them into the query string "
          "instead (e.g. doc_type:speech published:[2001-01-01 TO 2003-12-31])",
          absl::StrJoin(conflicting, ", ")));
    }
  }
  if (options.phrase && options.all_words) {
    return absl::InvalidArgumentError(
        "--all: a --phrase search already needs every word; use one of them");
  }
  absl::StatusOr<std::vector<Query>> filters =
      BuildFilters(options.doc_types, options.from, options.to);
  if (!filters.ok()) return filters.status();

  if (options.page_size < 0) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "--page_size: must be 0 (server default) or more, got %d", options.page_size));
  }
  absl::StatusOr<docsearch::v1::SortOrder> sort = ParseSort(options.sort);
  if (!sort.ok()) return sort.status();
  absl::StatusOr<docsearch::v1::Interval> histogram = ParseHistogram(options.histogram);
  if (!histogram.ok()) return histogram.status();

  SearchRequest request;
  if (use_query_string) {
    request.set_query_string(std::string(absl::StripAsciiWhitespace(options.query_string)));
  } else {
    Query text_query = TextQuery(options);
    if (filters->empty()) {
      *request.mutable_query() = std::move(text_query);
    } else {
      docsearch::v1::BoolQuery* boolean = request.mutable_query()->mutable_boolean();
      *boolean->add_must() = std::move(text_query);
      for (Query& filter : *filters) *boolean->add_filter() = std::move(filter);
    }
  }
  std::set<std::string> seen_facets;
  for (const std::string& flag_value : options.facets) {
    for (absl::string_view piece : absl::StrSplit(flag_value, ',', absl::SkipWhitespace())) {
      std::string field(absl::StripAsciiWhitespace(piece));
      if (seen_facets.insert(field).second) request.add_facets(std::move(field));
    }
  }
  request.set_date_histogram(*histogram);
  request.set_page_size(options.page_size);
  request.set_page_token(options.page_token);
  request.set_explain(options.explain);
  request.set_collapse_duplicates(options.collapse);
  request.set_language(options.language);
  request.set_sort(*sort);
  return request;
}

bool ShouldRetryWithoutCollapse(const absl::Status& refusal, const SearchRequest& request,
                                CollapseFallback fallback) {
  if (fallback != CollapseFallback::kRetryWithoutCollapse || !request.collapse_duplicates()) {
    return false;
  }
  // A cluster coordinator of a release that collapsed on single nodes only.
  if (refusal.code() == absl::StatusCode::kUnimplemented) return true;
  // A query service that keeps no clusters. FAILED_PRECONDITION has other
  // causes (a consistency token the server cannot reach...), which a search
  // without collapse would not cure: only the one naming the flag counts.
  if (refusal.code() == absl::StatusCode::kFailedPrecondition) {
    return absl::StrContains(refusal.message(), "collapse_duplicates");
  }
  // A --page_token from a page the server answered without collapse (after
  // an earlier fallback): the next page is asked for the same way.
  return request.collapse_duplicates() && !request.page_token().empty() &&
         refusal.code() == absl::StatusCode::kInvalidArgument &&
         absl::StrContains(refusal.message(), "without collapse_duplicates");
}

absl::Status RunSearch(const CommandEnv& env, const SearchRequest& request,
                       CollapseFallback fallback) {
  std::unique_ptr<docsearch::v1::QueryService::Stub> stub = QueryStub(env);
  absl::StatusOr<docsearch::v1::SearchResponse> response =
      CallQueryService(env, *stub, &docsearch::v1::QueryService::Stub::Search, request);
  if (!response.ok() && ShouldRetryWithoutCollapse(response.status(), request, fallback)) {
    // One line on stderr, so that --json output stays one JSON object.
    if (env.err != nullptr) {
      *env.err << "note: near-duplicate copies are not collapsed: the server answered "
               << absl::StatusCodeToString(response.status().code()) << " (\""
               << response.status().message() << "\"); showing every copy (--nocollapse hides "
               << "this note)\n";
    }
    SearchRequest plain = request;
    plain.set_collapse_duplicates(false);
    response = CallQueryService(env, *stub, &docsearch::v1::QueryService::Stub::Search, plain);
  }
  if (!response.ok()) return response.status();
  if (env.json) return WriteJsonLine(*response, *env.out);
  SearchPrintOptions print_options;
  print_options.width = env.terminal.width;
  print_options.ansi = env.terminal.ansi;
  *env.out << RenderSearchResponse(*response, print_options);
  return absl::OkStatus();
}

}  // namespace docsearch::cli
