#include "common/request_decoding.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/wire_format_lite.h>
#include <grpcpp/support/proto_buffer_reader.h>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/log.h"
#include "common/utf8_text.h"

namespace docsearch {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedInputStream;

std::string Flatten(const grpc::ByteBuffer& bytes) {
  std::vector<grpc::Slice> slices;
  std::string flat;
  if (!bytes.Dump(&slices).ok()) return flat;
  for (const grpc::Slice& slice : slices) {
    flat.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return flat;
}

std::string Join(const std::string& path, const std::string& name) {
  return path.empty() ? name : absl::StrCat(path, ".", name);
}

// Walks the wire format of a message of type `type` (null: unknown, only
// skipped) and returns what is wrong with it, or nullopt when the walk finds
// nothing. Only runs after the protobuf parser has failed, to name the
// field; the parser stays the authority on what is valid.
std::optional<std::string> FindProblem(CodedInputStream* in, const Descriptor* type,
                                       const std::string& path, int depth) {
  while (true) {
    const uint32_t tag = in->ReadTag();
    if (tag == 0) {
      if (in->ConsumedEntireMessage() || in->BytesUntilLimit() == 0) return std::nullopt;
      return absl::StrCat("malformed bytes", path.empty() ? "" : " in ", path,
                          " (not a valid field tag)");
    }
    const int number = WireFormatLite::GetTagFieldNumber(tag);
    const FieldDescriptor* field = type == nullptr ? nullptr : type->FindFieldByNumber(number);
    const std::string field_path =
        field == nullptr ? Join(path, absl::StrCat("#", number)) : Join(path, field->name());
    const auto malformed = [&] {
      return absl::StrCat("malformed bytes in field ", field_path, " (truncated or wrong type)");
    };
    switch (WireFormatLite::GetTagWireType(tag)) {
      case WireFormatLite::WIRETYPE_LENGTH_DELIMITED: {
        uint32_t length = 0;
        if (!in->ReadVarint32(&length)) return malformed();
        if (field != nullptr && field->type() == FieldDescriptor::TYPE_STRING &&
            field->file()->syntax() == google::protobuf::FileDescriptor::SYNTAX_PROTO3) {
          std::string text;
          if (!in->ReadString(&text, static_cast<int>(length))) return malformed();
          if (!IsValidUtf8(text)) return absl::StrCat(field_path, " is not valid UTF-8");
        } else if (field != nullptr && field->type() == FieldDescriptor::TYPE_MESSAGE) {
          if (depth + 1 > kMaxRequestNesting) {
            // Not the path: at this depth it is longer than the message.
            return absl::StrCat("messages nest deeper than ", kMaxRequestNesting,
                                " levels (a typed query allows about ", kMaxRequestNesting / 2,
                                ")");
          }
          const CodedInputStream::Limit limit = in->PushLimit(static_cast<int>(length));
          std::optional<std::string> problem =
              FindProblem(in, field->message_type(), field_path, depth + 1);
          if (problem.has_value()) return problem;
          if (in->BytesUntilLimit() != 0) return malformed();
          in->PopLimit(limit);
        } else if (!in->Skip(static_cast<int>(length))) {
          return malformed();
        }
        break;
      }
      case WireFormatLite::WIRETYPE_START_GROUP:
      case WireFormatLite::WIRETYPE_END_GROUP:
        return absl::StrCat("malformed bytes at ", field_path, " (groups are not used)");
      default:
        if (!WireFormatLite::SkipField(in, tag)) return malformed();
        break;
    }
  }
}

std::string ElementPath(const std::string& path, const FieldDescriptor* field, int index) {
  return field->is_repeated() ? absl::StrCat(Join(path, field->name()), "[", index, "]")
                              : Join(path, field->name());
}

// What the parser lets through but no request may carry: an enum number
// with no name (proto3 keeps unknown enum values), and a float or double
// that is NaN or infinite (boosts, thresholds: NaN compares false with
// every bound, so range checks alone let it in).
std::optional<std::string> FindUnusableValue(const google::protobuf::Message& message,
                                             const std::string& path) {
  const google::protobuf::Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    const int count = field->is_repeated() ? reflection->FieldSize(message, field) : 1;
    for (int i = 0; i < count; ++i) {
      const bool repeated = field->is_repeated();
      switch (field->cpp_type()) {
        case FieldDescriptor::CPPTYPE_ENUM: {
          const int value = repeated ? reflection->GetRepeatedEnumValue(message, field, i)
                                     : reflection->GetEnumValue(message, field);
          if (field->enum_type()->FindValueByNumber(value) == nullptr) {
            return absl::StrCat(ElementPath(path, field, i), ": unknown ",
                                field->enum_type()->name(), " value ", value);
          }
          break;
        }
        case FieldDescriptor::CPPTYPE_DOUBLE:
        case FieldDescriptor::CPPTYPE_FLOAT: {
          const double value = field->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE
                                   ? (repeated ? reflection->GetRepeatedDouble(message, field, i)
                                               : reflection->GetDouble(message, field))
                                   : (repeated ? reflection->GetRepeatedFloat(message, field, i)
                                               : reflection->GetFloat(message, field));
          if (!std::isfinite(value)) {
            return absl::StrCat(ElementPath(path, field, i), ": ", value,
                                " is not a finite number");
          }
          break;
        }
        case FieldDescriptor::CPPTYPE_MESSAGE: {
          const google::protobuf::Message& child =
              repeated ? reflection->GetRepeatedMessage(message, field, i)
                       : reflection->GetMessage(message, field);
          std::optional<std::string> problem =
              FindUnusableValue(child, ElementPath(path, field, i));
          if (problem.has_value()) return problem;
          break;
        }
        default:
          break;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

absl::Status CheckValues(const google::protobuf::Message& message, const std::string& path) {
  std::optional<std::string> unusable = FindUnusableValue(message, path);
  if (!unusable.has_value()) return absl::OkStatus();
  return absl::InvalidArgumentError(*unusable);
}

absl::Status DecodeRequest(const grpc::ByteBuffer& bytes, google::protobuf::Message* message,
                           bool check_values) {
  message->Clear();
  // The reader consumes the buffer; a copy of a ByteBuffer shares its
  // slices, so this costs no copy of the bytes.
  grpc::ByteBuffer readable(bytes);
  bool parsed = false;
  {
    grpc::ProtoBufferReader reader(&readable);
    CodedInputStream in(&reader);
    in.SetRecursionLimit(kMaxRequestNesting);
    parsed = message->ParseFromCodedStream(&in) && in.ConsumedEntireMessage();
  }
  if (parsed) return check_values ? CheckValues(*message, "") : absl::OkStatus();
  const std::string flat = Flatten(bytes);
  google::protobuf::io::ArrayInputStream array(flat.data(), static_cast<int>(flat.size()));
  CodedInputStream in(&array);
  in.SetRecursionLimit(kMaxRequestNesting + 1);
  std::optional<std::string> problem = FindProblem(&in, message->GetDescriptor(), "", 0);
  message->Clear();
  return absl::InvalidArgumentError(
      absl::StrCat("the request could not be decoded as ", message->GetTypeName(), ": ",
                   problem.value_or("malformed bytes (not a valid protobuf message)")));
}

int MethodIndex(absl::string_view service_full_name, absl::string_view method) {
  const google::protobuf::ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          std::string(service_full_name));
  const google::protobuf::MethodDescriptor* found =
      service == nullptr ? nullptr : service->FindMethodByName(std::string(method));
  if (found == nullptr) {
    LogError(absl::StrCat("no method ", method, " in service ", service_full_name));
    std::abort();
  }
  return found->index();
}

}  // namespace docsearch
