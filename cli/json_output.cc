#include "cli/json_output.h"

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

}  // namespace docsearch::cli
