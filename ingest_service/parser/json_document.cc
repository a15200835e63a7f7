#include "ingest_service/parser/json_document.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "ingest_service/parser/date_parser.h"

namespace docsearch::ingest {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

// Reads an optional string field into *out.
absl::Status ReadString(const Struct& object, const std::string& key, std::string* out) {
  auto it = object.fields().find(key);
  if (it == object.fields().end() || it->second.kind_case() == Value::kNullValue) {
    return absl::OkStatus();
  }
  if (it->second.kind_case() != Value::kStringValue) {
    return absl::InvalidArgumentError(
        absl::StrCat("document.content JSON field '", key, "' must be a string"));
  }
  *out = it->second.string_value();
  return absl::OkStatus();
}

std::optional<v1::Date> ReadDate(absl::string_view text) {
  std::vector<FoundDate> dates = FindDates(text);
  if (dates.size() != 1 || dates.front().begin != 0 || dates.front().end != text.size()) {
    return std::nullopt;
  }
  return dates.front().date;
}

absl::StatusOr<v1::AttributeValue> ReadAttribute(const std::string& key, const Value& value) {
  v1::AttributeValue attribute;
  switch (value.kind_case()) {
    case Value::kStringValue:
      attribute.set_keyword_value(value.string_value());
      return attribute;
    case Value::kNumberValue: {
      const double number = value.number_value();
      // Integral values within the exactly representable range are integers.
      if (std::floor(number) == number && std::fabs(number) < 9007199254740992.0) {
        attribute.set_integer_value(static_cast<int64_t>(number));
      } else {
        attribute.set_double_value(number);
      }
      return attribute;
    }
    case Value::kStructValue: {
      const auto& fields = value.struct_value().fields();
      auto date = fields.find("date");
      if (fields.size() == 1 && date != fields.end() &&
          date->second.kind_case() == Value::kStringValue) {
        if (std::optional<v1::Date> parsed = ReadDate(date->second.string_value())) {
          *attribute.mutable_date_value() = *parsed;
          return attribute;
        }
        return absl::InvalidArgumentError(absl::StrCat("document.content attributes.", key,
                                                       ".date is not a date (want YYYY-MM-DD)"));
      }
      break;
    }
    default:
      break;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("document.content attributes.", key,
                   " must be a string, a number or {\"date\": \"YYYY-MM-DD\"}"));
}

// How deep arrays and objects may nest. A document's own fields nest three
// deep at most ("attributes": {"signed": {"date": ...}}); other fields are
// allowed and ignored, so the bound is generous.
constexpr int kMaxJsonDepth = 100;

// Whether `json` nests arrays and objects deeper than kMaxJsonDepth,
// checked in one pass before the JSON parser runs: protobuf's parser takes
// time growing with the square of the depth (8,000 levels, 200 KB: over a
// second; 100,000: minutes).
bool NestsTooDeep(absl::string_view json) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // The escaped character, whatever it is.
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

}  // namespace

absl::StatusOr<JsonDocument> ParseJsonDocument(absl::string_view json) {
  if (NestsTooDeep(json)) {
    return absl::InvalidArgumentError(
        absl::StrCat("document.content is not valid JSON: arrays and objects nest deeper than ",
                     kMaxJsonDepth, " levels"));
  }
  Value root;
  const auto status =
      google::protobuf::util::JsonStringToMessage(std::string(json.data(), json.size()), &root);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("document.content is not valid JSON: ", status.message().as_string()));
  }
  if (root.kind_case() != Value::kStructValue) {
    return absl::InvalidArgumentError("document.content JSON must be one object");
  }
  const Struct& object = root.struct_value();
  JsonDocument document;
  for (auto [key, out] : {std::pair<const char*, std::string*>{"id", &document.id},
                          {"source_uri", &document.source_uri},
                          {"title", &document.title},
                          {"published", &document.published_text}}) {
    if (absl::Status read = ReadString(object, key, out); !read.ok()) return read;
  }
  auto body = object.fields().find("body");
  if (body == object.fields().end() || body->second.kind_case() != Value::kStringValue) {
    return absl::InvalidArgumentError("document.content JSON field 'body' must be a string");
  }
  document.body = body->second.string_value();
  if (!document.published_text.empty()) document.published = ReadDate(document.published_text);

  auto attributes = object.fields().find("attributes");
  if (attributes != object.fields().end() && attributes->second.kind_case() != Value::kNullValue) {
    if (attributes->second.kind_case() != Value::kStructValue) {
      return absl::InvalidArgumentError(
          "document.content JSON field 'attributes' must be an object");
    }
    for (const auto& [key, value] : attributes->second.struct_value().fields()) {
      absl::StatusOr<v1::AttributeValue> attribute = ReadAttribute(key, value);
      if (!attribute.ok()) return attribute.status();
      document.attributes[key] = *std::move(attribute);
    }
  }
  return document;
}

}  // namespace docsearch::ingest
