// Decoding request messages ourselves, so a message that cannot be decoded
// gets a precise status instead of the one gRPC gives it.
//
// Why: gRPC C++ (1.51) decodes requests before the service sees them and
// throws the parse error away. A unary request that fails to parse (invalid
// UTF-8 in a proto3 string, nesting deeper than protobuf's limit, garbage
// bytes) is answered UNIMPLEMENTED with an empty message; in a client or
// bidirectional stream the failed read is reported to the reactor as
// OnReadDone(false), indistinguishable from the client ending the stream, so
// a stream cut short by one bad message used to end OK with the messages
// after it silently dropped.
//
// The fix registers these methods with a handler whose request type is the
// raw grpc::ByteBuffer (the same handler classes gRPC's generated code uses,
// with ByteBuffer as the request type; responses are still serialized by
// gRPC) and decodes here, where the failure is visible and can be described:
// INVALID_ARGUMENT naming the message type and, where it can be found, the
// field ("query.boolean.clauses.match.text is not valid UTF-8"). Considered
// and rejected: a server interceptor (it sees the failed message but cannot
// choose the status) and generic services (they lose the typed service
// classes, reflection and the per-method registration).
#ifndef DOCSEARCH_COMMON_REQUEST_DECODING_H_
#define DOCSEARCH_COMMON_REQUEST_DECODING_H_

#include <google/protobuf/message.h>
#include <grpcpp/impl/codegen/server_callback_handlers.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/message_allocator.h>

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/grpc_status.h"
#include "common/response_memory_budget.h"

namespace docsearch {

// Deepest message nesting a request may have (protobuf's own default): a
// typed query nests two messages per level, so about 50 query levels.
inline constexpr int kMaxRequestNesting = 100;

// Decodes `bytes` into `message` (cleared first). INVALID_ARGUMENT naming
// the message type and the problem when the bytes are not a valid message,
// and naming the field when a decoded message holds an enum number with no
// name or a NaN or infinite float/double (values no request may carry).
// `check_values` false leaves the value check to the caller (CheckValues),
// for a request whose parts fail alone.
absl::Status DecodeRequest(const grpc::ByteBuffer& bytes, google::protobuf::Message* message,
                           bool check_values = true);

// The value check DecodeRequest applies: INVALID_ARGUMENT "<path>.<field>:
// unknown <Enum> value N" or "...: nan is not a finite number".
absl::Status CheckValues(const google::protobuf::Message& message, const std::string& path);

// The index of `method` in service `service_full_name`, as gRPC's generated
// code numbers them (declaration order). Aborts when there is no such
// method: that is a programming error found at start-up.
int MethodIndex(absl::string_view service_full_name, absl::string_view method);

namespace request_decoding_internal {

// Holds one unary call's raw request, its decoded form, the response and
// the response's reservation against the memory budget, for as long as
// gRPC keeps the call (it calls Release when done), so the decoded request
// outlives a reactor that finishes later and the reservation ends when the
// response's memory is given back.
template <typename Request, typename Response>
class DecodingHolder final : public grpc::MessageHolder<grpc::ByteBuffer, Response>,
                             public ResponseReservation {
 public:
  DecodingHolder() {
    this->set_request(&raw_);
    this->set_response(&response_);
  }
  void Release() override { delete this; }
  Request* decoded() { return &decoded_; }

 private:
  grpc::ByteBuffer raw_;
  Request decoded_;
  Response response_;
};

template <typename Request, typename Response>
class DecodingAllocator final : public grpc::MessageAllocator<grpc::ByteBuffer, Response> {
 public:
  grpc::MessageHolder<grpc::ByteBuffer, Response>* AllocateMessages() override {
    return new DecodingHolder<Request, Response>();
  }
};

}  // namespace request_decoding_internal

// A unary handler that takes the request as bytes, decodes it with
// DecodeRequest and calls `(service->*method)(context, request, response)`;
// an undecodable request is answered with DecodeRequest's status. Register
// it from the service's constructor with MarkMethodCallback(index, handler).
template <typename Service, typename Request, typename Response>
class DecodingUnaryHandler final
    : public grpc::internal::CallbackUnaryHandler<grpc::ByteBuffer, Response> {
 public:
  using Method = grpc::ServerUnaryReactor* (Service::*)(grpc::CallbackServerContext*,
                                                        const Request*, Response*);

  DecodingUnaryHandler(Service* service, Method method)
      : grpc::internal::CallbackUnaryHandler<grpc::ByteBuffer, Response>(
            [service, method](grpc::CallbackServerContext* context, const grpc::ByteBuffer* raw,
                              Response* response) -> grpc::ServerUnaryReactor* {
              auto* holder =
                  static_cast<request_decoding_internal::DecodingHolder<Request, Response>*>(
                      context->GetRpcAllocatorState());
              absl::Status decoded = DecodeRequest(*raw, holder->decoded());
              if (!decoded.ok()) {
                grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
                reactor->Finish(ToGrpcStatus(decoded));
                return reactor;
              }
              return (service->*method)(context, holder->decoded(), response);
            }) {
    this->SetMessageAllocator(&allocator_);
  }

 private:
  request_decoding_internal::DecodingAllocator<Request, Response> allocator_;
};

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_REQUEST_DECODING_H_
