#include "cli/json_output.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"

namespace docsearch::cli {

absl::StatusOr<std::string> MessageToJsonLine(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = false;
  options.always_print_primitive_fields = true;
  std::string json;
  auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::InternalError(
        absl::StrCat("cannot print ", message.GetTypeName(), " as JSON: ", status.ToString()));
  }
  return json;
}

absl::Status WriteJsonLine(const google::protobuf::Message& message, std::ostream& out) {
  absl::StatusOr<std::string> json = MessageToJsonLine(message);
  if (!json.ok()) return json.status();
  out << *json << '\n';
  return absl::OkStatus();
}

std::string JsonString(absl::string_view text) {
  // Printing a google.protobuf.Value reuses protobuf's escaping rules, so
  // quotes, backslashes and control characters come out exactly as in the
  // JSON of the responses.
  google::protobuf::Value value;
  value.set_string_value(std::string(text));
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(value, &json).ok()) return "\"\"";
  return json;
}

}  // namespace docsearch::cli
