// `docsearch compare A B` and `docsearch compare A --text FILE`:
// QueryService.CompareDocuments on two stored documents, or on a stored
// document and the raw text of a local file. The paragraphs of stored sides
// are read with GetDocument so the alignment can show their beginnings.
#ifndef DOCSEARCH_CLI_COMPARE_COMMAND_H_
#define DOCSEARCH_CLI_COMPARE_COMMAND_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/command_env.h"
#include "docsearch/v1/comparison.pb.h"

namespace docsearch::cli {

struct CompareOptions {
  // The id of A.
  std::string id_a = {};
  // The id of B; empty when B is the text of `text_path`.
  std::string id_b = {};
  // --text: a local file whose content is B. Exactly one of id_b and
  // text_path is required.
  std::string text_path = {};
  // The content of `text_path`, once read (BuildCompareRequest does not read
  // files).
  std::string text = {};
  // --top: entries per list, asked of the server and printed.
  int top = 8;
};

// INVALID_ARGUMENT naming the argument when the sides are not one id and one
// id or text.
absl::StatusOr<docsearch::v1::CompareDocumentsRequest> BuildCompareRequest(
    const CompareOptions& options);

// Reads --text, compares, prints the comparison (or one JSON object).
absl::Status RunCompare(const CommandEnv& env, CompareOptions options);

// The content of a local file for --text; NOT_FOUND / PERMISSION_DENIED
// naming the path. Shared with `similar --text`.
absl::StatusOr<std::string> ReadTextFile(const std::string& path);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_COMPARE_COMMAND_H_
