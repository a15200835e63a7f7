// Request ids: an `x-request-id` metadata value that follows one request
// through both services' logs and comes back in the response's trailing
// metadata.
//
// A server interceptor (RequestIdInterceptorFactory) takes the caller's
// x-request-id, or makes one up when there is none or it is unusable (empty,
// longer than 128 bytes, or holding anything but letters, digits and
// ._:/+=~-), puts it into the call's client metadata so handlers read it
// with RequestIdOf(), adds it to the trailing metadata, and writes one log
// line per finished call with the id, method, status code and latency.
// Health checks and reflection are not logged (probes every few seconds
// would drown the rest).
#ifndef DOCSEARCH_COMMON_REQUEST_ID_H_
#define DOCSEARCH_COMMON_REQUEST_ID_H_

#include <grpcpp/server_context.h>
#include <grpcpp/support/server_interceptor.h>

#include <memory>
#include <string>
#include <string_view>

namespace docsearch {

inline constexpr char kRequestIdMetadataKey[] = "x-request-id";

// The call's request id (after the interceptor ran, always set); empty when
// the server runs without the interceptor and the caller sent none.
std::string RequestIdOf(const grpc::ServerContextBase& context);

// Whether `id` is usable as it is (see above).
bool IsUsableRequestId(std::string_view id);

// A fresh id: 16 random bytes in hex.
std::string NewRequestId();

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeRequestIdInterceptorFactory();

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_REQUEST_ID_H_
