#include "cli/twins_command.h"

#include <grpcpp/client_context.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli/json_output.h"
#include "cli/terminal_text.h"
#include "cli/unary_call.h"
#include "docsearch/v1/query_service.grpc.pb.h"

namespace docsearch::cli {

absl::StatusOr<docsearch::v1::ListTwinsRequest> BuildTwinsRequest(const TwinsOptions& options) {
  if (options.id.empty()) return absl::InvalidArgumentError("twins needs a document ID");
  if (!(options.threshold >= 0 && options.threshold <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--threshold: must be in (0, 1], got ", options.threshold));
  }
  if (options.top < 0) {
    return absl::InvalidArgumentError(absl::StrCat("--top: must be 1 or more, got ", options.top));
  }
  docsearch::v1::ListTwinsRequest request;
  request.set_id(options.id);
  request.set_min_score(options.threshold);
  request.set_max_results(options.top);
  return request;
}

namespace {

std::string DescribeEvidence(const docsearch::v1::TwinEvidence& evidence) {
  std::vector<std::string> parts;
  if (!evidence.shared_reference().empty()) {
    parts.push_back(absl::StrCat("reference ", evidence.shared_reference()));
  }
  if (evidence.date_difference_days() == 0) {
    parts.push_back("same date");
  } else if (evidence.date_difference_days() > 0) {
    parts.push_back(absl::StrCat(evidence.date_difference_days(), " days apart"));
  } else {
    parts.push_back("undated");
  }
  if (evidence.numbered_paragraphs() >= 2 && evidence.twin_numbered_paragraphs() >= 2) {
    parts.push_back(absl::StrCat("paragraphs ", evidence.paragraphs_matched(), " of ",
                                 evidence.numbered_paragraphs(), " matched by number (",
                                 evidence.twin_numbered_paragraphs(), " there)"));
  }
  parts.push_back(absl::StrFormat("anchors %.0f%%", 100 * evidence.anchor_overlap()));
  return absl::StrJoin(parts, ", ");
}

}  // namespace

std::string RenderTwins(const docsearch::v1::ListTwinsResponse& response) {
  const std::string language = response.language().empty() ? "no language" : response.language();
  if (response.twins().empty()) {
    return absl::StrCat("No twin of ", response.id(), " (", language, ") in another language (",
                        response.candidates_checked(), " candidates checked).\n");
  }
  std::string out =
      absl::StrCat(response.twins_size(), " twins of ", response.id(), " (", language,
                   "), best first (", response.candidates_checked(), " candidates checked):\n");
  for (const docsearch::v1::LanguageTwin& twin : response.twins()) {
    absl::StrAppend(
        &out, absl::StrFormat("%-4s %s  score %.2f  %s\n", twin.language(), twin.id(), twin.score(),
                              twin.has_published() ? FormatDate(twin.published()) : "undated"));
    if (!twin.title().empty()) absl::StrAppend(&out, "     ", twin.title(), "\n");
    absl::StrAppend(&out, "     ", DescribeEvidence(twin.evidence()), "\n");
    if (!twin.evidence().shared_anchors().empty()) {
      absl::StrAppend(&out, "     shared: ", absl::StrJoin(twin.evidence().shared_anchors(), " "),
                      "\n");
    }
  }
  return out;
}

absl::Status RunTwins(const CommandEnv& env, const TwinsOptions& options) {
  absl::StatusOr<docsearch::v1::ListTwinsRequest> request = BuildTwinsRequest(options);
  if (!request.ok()) return request.status();
  absl::StatusOr<docsearch::v1::ListTwinsResponse> response = CallQueryService(
      env, *QueryStub(env), &docsearch::v1::QueryService::Stub::ListTwins, *request);
  if (!response.ok()) return response.status();
  if (env.json) return WriteJsonLine(*response, *env.out);
  *env.out << RenderTwins(*response);
  return absl::OkStatus();
}

}  // namespace docsearch::cli
