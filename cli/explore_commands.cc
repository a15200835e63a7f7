#include "cli/explore_commands.h"

#include <grpcpp/client_context.h>

#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/compare_command.h"
#include "cli/explore_printer.h"
#include "cli/json_output.h"
#include "cli/search_command.h"
#include "docsearch/v1/query_service.grpc.pb.h"

namespace docsearch::cli {
namespace {

using docsearch::v1::Query;

absl::StatusOr<std::optional<Query>> FilterQuery(const FilterOptions& filter) {
  return BuildFilterQuery(filter.doc_types, filter.from, filter.to);
}

absl::Status CheckTop(int top) {
  if (top >= 0) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("--top: must be 0 (server default) or more, got ", top));
}

// Makes one unary call to the query service and prints its response, as JSON
// or with `render`.
template <typename Request, typename Response, typename Call, typename Render>
absl::Status CallAndPrint(const CommandEnv& env, const Request& request, Call call, Render render) {
  const ConnectionOptions& connection = env.connection;
  auto stub =
      docsearch::v1::QueryService::NewStub(MakeChannel(connection, connection.query_address));
  grpc::ClientContext context;
  ApplyDeadline(connection.deadline, context);
  Response response;
  grpc::Status status = call(*stub, &context, request, &response);
  if (!status.ok()) {
    return StatusFromRpc(status, "query service", connection.query_address, connection.deadline);
  }
  if (env.json) return WriteJsonLine(response, *env.out);
  *env.out << render(response);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<docsearch::v1::FindSimilarRequest> BuildSimilarRequest(
    const SimilarOptions& options) {
  if (options.id.empty() == options.text_path.empty()) {
    return absl::InvalidArgumentError(options.id.empty()
                                          ? "similar needs an ID or --text=FILE"
                                          : "similar takes an ID or --text=FILE, not both");
  }
  if (absl::Status top = CheckTop(options.top); !top.ok()) return top;
  absl::StatusOr<std::optional<Query>> filter = FilterQuery(options.filter);
  if (!filter.ok()) return filter.status();
  docsearch::v1::FindSimilarRequest request;
  if (options.id.empty()) {
    request.mutable_like()->set_text(options.text);
  } else {
    request.mutable_like()->set_id(options.id);
  }
  if (filter->has_value()) *request.mutable_filter() = **std::move(filter);
  request.set_max_results(options.top);
  return request;
}

absl::StatusOr<docsearch::v1::TermTrendRequest> BuildTrendRequest(const TrendOptions& options) {
  docsearch::v1::TermTrendRequest request;
  for (const std::string& term : options.terms) {
    const absl::string_view stripped = absl::StripAsciiWhitespace(term);
    if (!stripped.empty()) request.add_terms(std::string(stripped));
  }
  if (request.terms().empty()) {
    return absl::InvalidArgumentError("trend needs at least one TERM (quote a phrase)");
  }
  if (options.interval == "year") {
    request.set_interval(docsearch::v1::INTERVAL_YEAR);
  } else if (options.interval == "month") {
    request.set_interval(docsearch::v1::INTERVAL_MONTH);
  } else {
    return absl::InvalidArgumentError(
        absl::StrFormat("--interval: \"%s\" is not one of year, month", options.interval));
  }
  absl::StatusOr<std::optional<Query>> filter = FilterQuery(options.filter);
  if (!filter.ok()) return filter.status();
  if (filter->has_value()) *request.mutable_filter() = **std::move(filter);
  return request;
}

absl::StatusOr<docsearch::v1::FindNearDuplicatesRequest> BuildDuplicatesRequest(
    const DuplicatesOptions& options) {
  if (options.threshold < 0 || options.threshold > 1) {
    return absl::InvalidArgumentError(
        absl::StrFormat("--threshold: a resemblance in (0, 1], got %g", options.threshold));
  }
  if (absl::Status top = CheckTop(options.top); !top.ok()) return top;
  absl::StatusOr<std::optional<Query>> filter = FilterQuery(options.filter);
  if (!filter.ok()) return filter.status();
  docsearch::v1::FindNearDuplicatesRequest request;
  request.set_id(options.id);
  request.set_min_resemblance(options.threshold);
  if (filter->has_value()) *request.mutable_filter() = **std::move(filter);
  if (options.pairs) {
    request.set_pairs(true);
    request.set_max_results(options.top);
  } else {
    request.set_page_size(options.top);
    request.set_page_token(options.page_token);
  }
  return request;
}

absl::StatusOr<docsearch::v1::CompareSetsRequest> BuildSetsRequest(const SetsOptions& options) {
  const char* names[2] = {"QUERY_A", "QUERY_B"};
  const std::string* queries[2] = {&options.query_a, &options.query_b};
  for (int side = 0; side < 2; ++side) {
    if (absl::StripAsciiWhitespace(*queries[side]).empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("sets needs two query strings; ", names[side],
                       " is empty (e.g. docsearch sets 'published:[* TO 2001-12-31]' "
                       "'published:[2003-01-01 TO *]')"));
    }
  }
  if (absl::Status top = CheckTop(options.top); !top.ok()) return top;
  docsearch::v1::CompareSetsRequest request;
  request.set_query_string_a(options.query_a);
  request.set_query_string_b(options.query_b);
  request.set_max_terms(options.top);
  return request;
}

absl::Status RunSimilar(const CommandEnv& env, SimilarOptions options) {
  if (!options.text_path.empty()) {
    absl::StatusOr<std::string> text = ReadTextFile(options.text_path);
    if (!text.ok()) return text.status();
    options.text = *std::move(text);
  }
  absl::StatusOr<docsearch::v1::FindSimilarRequest> request = BuildSimilarRequest(options);
  if (!request.ok()) return request.status();
  const std::string source =
      options.id.empty() ? absl::StrCat("text ", options.text_path) : options.id;
  return CallAndPrint<docsearch::v1::FindSimilarRequest, docsearch::v1::FindSimilarResponse>(
      env, *request,
      [](auto& stub, auto* context, const auto& r, auto* response) {
        return stub.FindSimilar(context, r, response);
      },
      [&](const docsearch::v1::FindSimilarResponse& response) {
        return RenderSimilar(response, source, env.terminal.width);
      });
}

absl::Status RunTrend(const CommandEnv& env, const TrendOptions& options) {
  absl::StatusOr<docsearch::v1::TermTrendRequest> request = BuildTrendRequest(options);
  if (!request.ok()) return request.status();
  return CallAndPrint<docsearch::v1::TermTrendRequest, docsearch::v1::TermTrendResponse>(
      env, *request,
      [](auto& stub, auto* context, const auto& r, auto* response) {
        return stub.TermTrend(context, r, response);
      },
      [](const docsearch::v1::TermTrendResponse& response) { return RenderTrend(response); });
}

absl::Status RunDuplicates(const CommandEnv& env, const DuplicatesOptions& options) {
  absl::StatusOr<docsearch::v1::FindNearDuplicatesRequest> request =
      BuildDuplicatesRequest(options);
  if (!request.ok()) return request.status();
  return CallAndPrint<docsearch::v1::FindNearDuplicatesRequest,
                      docsearch::v1::FindNearDuplicatesResponse>(
      env, *request,
      [](auto& stub, auto* context, const auto& r, auto* response) {
        return stub.FindNearDuplicates(context, r, response);
      },
      [&](const docsearch::v1::FindNearDuplicatesResponse& response) {
        return RenderDuplicates(response, env.terminal.width);
      });
}

absl::Status RunSets(const CommandEnv& env, const SetsOptions& options) {
  absl::StatusOr<docsearch::v1::CompareSetsRequest> request = BuildSetsRequest(options);
  if (!request.ok()) return request.status();
  return CallAndPrint<docsearch::v1::CompareSetsRequest, docsearch::v1::CompareSetsResponse>(
      env, *request,
      [](auto& stub, auto* context, const auto& r, auto* response) {
        return stub.CompareSets(context, r, response);
      },
      [&](const docsearch::v1::CompareSetsResponse& response) {
        return RenderSets(response, options.query_a, options.query_b, env.terminal.width);
      });
}

}  // namespace docsearch::cli
