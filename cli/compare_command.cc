#include "cli/compare_command.h"

#include <grpcpp/client_context.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/compare_printer.h"
#include "cli/json_output.h"
#include "cli/unary_call.h"
#include "docsearch/v1/query_service.grpc.pb.h"

namespace docsearch::cli {
namespace {

// The paragraph texts of a stored document, or none when it cannot be read
// (the comparison is still printed, with indices only).
std::vector<std::string> StoredParagraphs(const CommandEnv& env,
                                          docsearch::v1::QueryService::Stub& stub,
                                          const std::string& id) {
  docsearch::v1::GetDocumentRequest request;
  request.set_id(id);
  absl::StatusOr<docsearch::v1::GetDocumentResponse> response =
      CallQueryService(env, stub, &docsearch::v1::QueryService::Stub::GetDocument, request);
  std::vector<std::string> paragraphs;
  if (!response.ok()) return paragraphs;
  for (const docsearch::v1::Paragraph& paragraph : response->document().paragraphs()) {
    paragraphs.push_back(paragraph.text());
  }
  return paragraphs;
}

}  // namespace

absl::StatusOr<std::string> ReadTextFile(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return absl::NotFoundError(absl::StrCat(path, ": no such file"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::PermissionDeniedError(absl::StrCat(path, ": cannot be read"));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

absl::StatusOr<docsearch::v1::CompareDocumentsRequest> BuildCompareRequest(
    const CompareOptions& options) {
  if (options.id_a.empty()) return absl::InvalidArgumentError("compare needs the ID of A");
  if (options.id_b.empty() == options.text_path.empty()) {
    return absl::InvalidArgumentError(options.id_b.empty()
                                          ? "compare needs a second ID or --text=FILE"
                                          : "compare takes a second ID or --text=FILE, not both");
  }
  if (options.top < 1) {
    return absl::InvalidArgumentError(absl::StrCat("--top: must be 1 or more, got ", options.top));
  }
  docsearch::v1::CompareDocumentsRequest request;
  request.mutable_a()->set_id(options.id_a);
  if (options.text_path.empty()) {
    request.mutable_b()->set_id(options.id_b);
  } else {
    request.mutable_b()->set_text(options.text);
  }
  request.set_max_terms(options.top);
  request.set_max_phrases(options.top);
  return request;
}

absl::Status RunCompare(const CommandEnv& env, CompareOptions options) {
  if (!options.text_path.empty()) {
    absl::StatusOr<std::string> text = ReadTextFile(options.text_path);
    if (!text.ok()) return text.status();
    options.text = *std::move(text);
  }
  absl::StatusOr<docsearch::v1::CompareDocumentsRequest> request = BuildCompareRequest(options);
  if (!request.ok()) return request.status();

  auto stub = QueryStub(env);
  absl::StatusOr<docsearch::v1::CompareDocumentsResponse> response =
      CallQueryService(env, *stub, &docsearch::v1::QueryService::Stub::CompareDocuments, *request);
  if (!response.ok()) return response.status();
  if (env.json) return WriteJsonLine(*response, *env.out);

  CompareSides sides;
  sides.paragraphs_a = StoredParagraphs(env, *stub, options.id_a);
  if (options.text_path.empty()) {
    sides.paragraphs_b = StoredParagraphs(env, *stub, options.id_b);
  } else {
    sides.label_b = absl::StrCat("text ", options.text_path);
    sides.paragraphs_b = SplitRawParagraphs(options.text);
  }
  ComparePrintOptions print_options;
  print_options.width = env.terminal.width;
  print_options.top = options.top;
  *env.out << RenderComparison(*response, sides, print_options);
  return absl::OkStatus();
}

}  // namespace docsearch::cli
