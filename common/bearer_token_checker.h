// Decides whether one call may proceed, given its method path and the value
// of its `authorization` header. Pure logic, no gRPC: the glue that feeds it
// calls is in common/authenticating_server_credentials.h.
//
// Rules:
//   - a call to a service not in the protected set passes (health checks and
//     server reflection are never protected, so load balancers and grpcurl
//     discovery work without a token);
//   - a protected call without `authorization: Bearer <token>` is
//     UNAUTHENTICATED (the caller did not say who it is);
//   - a protected call with a different token is PERMISSION_DENIED;
//   - a protected call with more than one `authorization` header is
//     UNAUTHENTICATED: which one counts would otherwise depend on the
//     order proxies keep them in, and only the first used to be checked;
//   - the token comparison takes time that depends only on the length of the
//     configured token, never on how much of a guess is right.
//
// Tokens are at least kMinAuthTokenLength characters: a server refuses to
// start with a shorter one (common/server_security_flags.h).
//
// Thread safety: immutable after construction; Check is thread-safe.
#ifndef DOCSEARCH_COMMON_BEARER_TOKEN_CHECKER_H_
#define DOCSEARCH_COMMON_BEARER_TOKEN_CHECKER_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"

namespace docsearch {

// Shortest token a server accepts to be configured with.
inline constexpr size_t kMinAuthTokenLength = 16;

class BearerTokenChecker {
 public:
  // `token` must be non-empty. `protected_services` are full service names
  // ("docsearch.v1.IndexService").
  BearerTokenChecker(std::string token, const std::vector<std::string>& protected_services);

  // `path` is the HTTP/2 :path, "/package.Service/Method"; `authorization`
  // the header's value when the call has one.
  absl::Status Check(absl::string_view path, absl::optional<absl::string_view> authorization) const;

  // The same with every `authorization` header value the call carries.
  absl::Status Check(absl::string_view path,
                     absl::Span<const absl::string_view> authorizations) const;

  // Whether calls to `path` need the token.
  bool IsProtected(absl::string_view path) const;

 private:
  std::string token_;
  absl::flat_hash_set<std::string> protected_services_;
};

// Compares `presented` with `expected` in time that depends on
// expected.size() only.
bool ConstantTimeEquals(absl::string_view presented, absl::string_view expected);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_BEARER_TOKEN_CHECKER_H_
