#include "cli/reuse_command.h"

#include <grpcpp/client_context.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/compare_command.h"
#include "cli/json_output.h"
#include "cli/search_command.h"
#include "cli/terminal_text.h"
#include "cli/unary_call.h"
#include "docsearch/v1/query_service.grpc.pb.h"

namespace docsearch::cli {

absl::StatusOr<docsearch::v1::FindPassageReuseRequest> BuildReuseRequest(
    const ReuseOptions& options) {
  if (options.passage.empty() == options.text_path.empty()) {
    return absl::InvalidArgumentError(options.passage.empty()
                                          ? "reuse needs ID#N (paragraph N of ID) or --text=FILE"
                                          : "reuse takes ID#N or --text=FILE, not both");
  }
  docsearch::v1::FindPassageReuseRequest request;
  if (!options.passage.empty()) {
    const size_t hash = options.passage.rfind('#');
    int number = 0;
    if (hash == std::string::npos || hash == 0 ||
        !absl::SimpleAtoi(options.passage.substr(hash + 1), &number) || number < 1) {
      return absl::InvalidArgumentError(absl::StrCat(
          "reuse: \"", options.passage, "\" is not ID#N (N: a paragraph number from 1)"));
    }
    request.mutable_passage()->set_id(options.passage.substr(0, hash));
    request.mutable_passage()->set_paragraph_index(number - 1);
  } else {
    request.set_text(options.text);
  }
  if (options.threshold < 0 || options.threshold > 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("--threshold: must be in (0, 1], got ", options.threshold));
  }
  request.set_min_similarity(options.threshold);
  if (options.top < 0) {
    return absl::InvalidArgumentError(absl::StrCat("--top: must be 1 or more, got ", options.top));
  }
  request.set_max_results(options.top);
  absl::StatusOr<std::optional<docsearch::v1::Query>> filter =
      BuildFilterQuery(options.filter.doc_types, options.filter.from, options.filter.to);
  if (!filter.ok()) return filter.status();
  if (filter->has_value()) *request.mutable_filter() = **filter;
  return request;
}

std::string RenderReuse(const docsearch::v1::FindPassageReuseResponse& response) {
  if (response.passages().empty()) {
    return absl::StrCat("No passage repeats it (", response.candidates_checked(),
                        " candidates checked).\n");
  }
  std::string out = absl::StrCat(response.passages_size(), " passages, oldest first (",
                                 response.candidates_checked(), " candidates checked):\n");
  for (const docsearch::v1::PassageReuse& passage : response.passages()) {
    std::string marks;
    if (passage.first_known_source()) marks += "  << first known source";
    if (passage.is_query()) marks += "  (the paragraph looked for)";
    absl::StrAppend(
        &out, absl::StrFormat("%-10s  %s#%d  similarity %.2f  contained %.0f%%%s\n",
                              passage.has_published() ? FormatDate(passage.published()) : "undated",
                              passage.id(), passage.paragraph_index() + 1, passage.similarity(),
                              100 * passage.containment(), marks));
    if (!passage.title().empty()) absl::StrAppend(&out, "            ", passage.title(), "\n");
    std::string text = passage.text();
    if (text.size() > 160) text = absl::StrCat(text.substr(0, 157), "...");
    absl::StrAppend(&out, "            \"", text, "\"\n");
  }
  return out;
}

absl::Status RunReuse(const CommandEnv& env, ReuseOptions options) {
  if (!options.text_path.empty()) {
    absl::StatusOr<std::string> text = ReadTextFile(options.text_path);
    if (!text.ok()) return text.status();
    options.text = *std::move(text);
  }
  absl::StatusOr<docsearch::v1::FindPassageReuseRequest> request = BuildReuseRequest(options);
  if (!request.ok()) return request.status();
  absl::StatusOr<docsearch::v1::FindPassageReuseResponse> response = CallQueryService(
      env, *QueryStub(env), &docsearch::v1::QueryService::Stub::FindPassageReuse, *request);
  if (!response.ok()) return response.status();
  if (env.json) return WriteJsonLine(*response, *env.out);
  *env.out << RenderReuse(*response);
  return absl::OkStatus();
}

}  // namespace docsearch::cli
