// --json output: protobuf messages as JSON objects, one per line, in the
// canonical proto3 JSON mapping (lowerCamelCase names, enums by name, int64
// as strings, Timestamps as RFC 3339). Fields at their default value are
// printed too, so scripts can rely on every key being present.
#ifndef DOCSEARCH_CLI_JSON_OUTPUT_H_
#define DOCSEARCH_CLI_JSON_OUTPUT_H_

#include <google/protobuf/message.h>

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docsearch::cli {

// One line of JSON, without the trailing newline.
absl::StatusOr<std::string> MessageToJsonLine(const google::protobuf::Message& message);

// Writes MessageToJsonLine(message) and a newline to `out`.
absl::Status WriteJsonLine(const google::protobuf::Message& message, std::ostream& out);

// `text` as a quoted, escaped JSON string, for the few objects the CLI
// writes itself (the ingest summary).
std::string JsonString(absl::string_view text);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_JSON_OUTPUT_H_
