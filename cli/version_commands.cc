#include "cli/version_commands.h"

#include <grpcpp/client_context.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/json_output.h"
#include "cli/terminal_text.h"
#include "cli/unary_call.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"

namespace docsearch::cli {
namespace {

using docsearch::v1::DocumentVersion;
using docsearch::v1::ParagraphChange;

absl::StatusOr<int> VersionNumber(const std::string& flag, const std::string& value) {
  if (value.empty()) return 0;
  int number = 0;
  if (!absl::SimpleAtoi(value, &number) || number < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", flag, ": a version number (1, 2, ... as `versions` lists), got \"", value, "\""));
  }
  return number;
}

std::string Ingested(const DocumentVersion& version) {
  if (!version.has_ingested_at()) return "ingested ?";
  return absl::StrCat(
      "ingested ",
      absl::FormatTime("%Y-%m-%d %H:%M:%S", absl::FromUnixSeconds(version.ingested_at().seconds()),
                       absl::UTCTimeZone()));
}

std::string Published(const DocumentVersion& version) {
  return version.has_published() ? FormatDate(version.published()) : "undated";
}

std::string Paragraph(int index, const std::string& number) {
  return number.empty() ? absl::StrCat("paragraph ", index + 1)
                        : absl::StrCat("paragraph ", index + 1, " (", number, ")");
}

}  // namespace

absl::StatusOr<docsearch::v1::CompareVersionsRequest> BuildDiffRequest(const std::string& id,
                                                                       const std::string& from,
                                                                       const std::string& to) {
  if (id.empty()) return absl::InvalidArgumentError("diff needs the ID of a document");
  absl::StatusOr<int> from_number = VersionNumber("from", from);
  if (!from_number.ok()) return from_number.status();
  absl::StatusOr<int> to_number = VersionNumber("to", to);
  if (!to_number.ok()) return to_number.status();
  docsearch::v1::CompareVersionsRequest request;
  request.set_id(id);
  request.set_from(*from_number);
  request.set_to(*to_number);
  return request;
}

std::string MarkEdits(const std::string& text,
                      const google::protobuf::RepeatedPtrField<docsearch::v1::WordEdit>& edits) {
  std::string out;
  size_t position = 0;
  for (const docsearch::v1::WordEdit& edit : edits) {
    const size_t start = std::min(text.size(), static_cast<size_t>(std::max(0, edit.to_start())));
    if (start < position) continue;  // Malformed: overlapping spans.
    out.append(text, position, start - position);
    if (!edit.from_text().empty()) absl::StrAppend(&out, "[-", edit.from_text(), "-]");
    if (!edit.to_text().empty()) absl::StrAppend(&out, "{+", edit.to_text(), "+}");
    position = std::min(text.size(), static_cast<size_t>(std::max(0, edit.to_end())));
  }
  out.append(text, position, std::string::npos);
  return out;
}

std::string RenderVersions(const docsearch::v1::ListVersionsResponse& response) {
  std::string out = absl::StrCat("Versions of ", response.id(), " (", response.versions_size(),
                                 " kept, at most ", response.max_versions(), "):\n");
  for (const DocumentVersion& version : response.versions()) {
    absl::StrAppend(
        &out, absl::StrFormat("  %2d%s  %-10s  %s  hash %s  %d paragraphs  %s\n", version.number(),
                              version.current() ? "*" : " ", Published(version), Ingested(version),
                              version.content_hash().substr(0, 12), version.paragraph_count(),
                              version.title()));
  }
  absl::StrAppend(&out, "(* current; `docsearch diff ", response.id(),
                  " --from N --to M` shows what changed)\n");
  return out;
}

std::string RenderVersionDiff(const docsearch::v1::CompareVersionsResponse& response) {
  std::string out = absl::StrCat(response.id(), ": version ", response.from().number(), " (",
                                 Published(response.from()), ", ", Ingested(response.from()),
                                 ") -> version ", response.to().number(), " (",
                                 Published(response.to()), ", ", Ingested(response.to()), ")\n");
  if (response.title_edits_size() > 0) {
    absl::StrAppend(&out, "title: ", MarkEdits(response.to().title(), response.title_edits()),
                    "\n");
  }
  if (response.changes().empty() && response.title_edits().empty()) {
    absl::StrAppend(&out, "No change in the title or the paragraphs.\n");
  }
  for (const ParagraphChange& change : response.changes()) {
    switch (change.kind()) {
      case docsearch::v1::PARAGRAPH_CHANGE_KIND_ADDED:
        absl::StrAppend(&out, "+ ", Paragraph(change.to_index(), change.to_number()),
                        " added: ", change.text(), "\n");
        break;
      case docsearch::v1::PARAGRAPH_CHANGE_KIND_REMOVED:
        absl::StrAppend(&out, "- ", Paragraph(change.from_index(), change.from_number()),
                        " removed: ", change.text(), "\n");
        break;
      case docsearch::v1::PARAGRAPH_CHANGE_KIND_MOVED:
        absl::StrAppend(&out, "~ ", Paragraph(change.to_index(), change.to_number()),
                        " moved from ", Paragraph(change.from_index(), change.from_number()), "\n");
        break;
      case docsearch::v1::PARAGRAPH_CHANGE_KIND_CHANGED: {
        int numbers = 0;
        for (const auto& edit : change.edits()) numbers += edit.numeric() ? 1 : 0;
        absl::StrAppend(&out, "* ", Paragraph(change.to_index(), change.to_number()),
                        absl::StrFormat(" changed (%.0f%% of words kept, %d edits, %d of numbers)",
                                        100 * change.similarity(), change.edits_size(), numbers),
                        ": ", MarkEdits(change.text(), change.edits()), "\n");
        break;
      }
      default:
        break;
    }
  }
  absl::StrAppend(&out, response.unchanged_paragraphs(), " paragraphs unchanged.\n");
  return out;
}

absl::Status RunVersions(const CommandEnv& env, const std::string& id) {
  docsearch::v1::ListVersionsRequest request;
  request.set_id(id);
  absl::StatusOr<docsearch::v1::ListVersionsResponse> response = CallQueryService(
      env, *QueryStub(env), &docsearch::v1::QueryService::Stub::ListVersions, request);
  if (!response.ok()) return response.status();
  if (env.json) return WriteJsonLine(*response, *env.out);
  *env.out << RenderVersions(*response);
  return absl::OkStatus();
}

absl::Status RunDiff(const CommandEnv& env, const docsearch::v1::CompareVersionsRequest& request) {
  absl::StatusOr<docsearch::v1::CompareVersionsResponse> response = CallQueryService(
      env, *QueryStub(env), &docsearch::v1::QueryService::Stub::CompareVersions, request);
  if (!response.ok()) return response.status();
  if (env.json) return WriteJsonLine(*response, *env.out);
  *env.out << RenderVersionDiff(*response);
  return absl::OkStatus();
}

}  // namespace docsearch::cli
