#include "common/bearer_token_checker.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace docsearch {

BearerTokenChecker::BearerTokenChecker(std::string token,
                                       const std::vector<std::string>& protected_services)
    : token_(std::move(token)),
      protected_services_(protected_services.begin(), protected_services.end()) {}

bool BearerTokenChecker::IsProtected(absl::string_view path) const {
  // "/docsearch.v1.IndexService/Write" → "docsearch.v1.IndexService".
  if (!absl::ConsumePrefix(&path, "/")) return false;
  const size_t slash = path.rfind('/');
  if (slash == absl::string_view::npos) return false;
  return protected_services_.contains(path.substr(0, slash));
}

absl::Status BearerTokenChecker::Check(absl::string_view path,
                                       absl::optional<absl::string_view> authorization) const {
  if (!IsProtected(path)) return absl::OkStatus();
  absl::string_view presented;
  if (authorization.has_value()) {
    presented = absl::StripAsciiWhitespace(*authorization);
    // The scheme is case-insensitive (RFC 7235).
    constexpr absl::string_view kScheme = "bearer ";
    if (presented.size() > kScheme.size() &&
        absl::EqualsIgnoreCase(presented.substr(0, kScheme.size()), kScheme)) {
      presented = absl::StripLeadingAsciiWhitespace(presented.substr(kScheme.size()));
    } else {
      presented = absl::string_view();
    }
  }
  if (presented.empty()) {
    return absl::UnauthenticatedError(
        absl::StrCat("missing bearer token: calls to ", path.substr(1, path.rfind('/') - 1),
                     " need the header 'authorization: Bearer <token>'"));
  }
  if (!ConstantTimeEquals(presented, token_)) {
    return absl::PermissionDeniedError("the bearer token is not the one this server accepts");
  }
  return absl::OkStatus();
}

absl::Status BearerTokenChecker::Check(absl::string_view path,
                                       absl::Span<const absl::string_view> authorizations) const {
  if (authorizations.size() > 1 && IsProtected(path)) {
    return absl::UnauthenticatedError(
        absl::StrCat("the call carries ", authorizations.size(),
                     " authorization headers; send exactly one 'authorization: Bearer <token>'"));
  }
  return Check(path, authorizations.empty()
                         ? absl::optional<absl::string_view>()
                         : absl::optional<absl::string_view>(authorizations.front()));
}

bool ConstantTimeEquals(absl::string_view presented, absl::string_view expected) {
  // Every byte of `expected` is looked at whatever `presented` holds, and
  // differences are OR-ed rather than returned at the first one, so timing
  // reveals neither where a guess goes wrong nor its length. (A byte of
  // `presented` past its end compares as 0; the length check covers it.)
  unsigned char difference = presented.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < expected.size(); ++i) {
    const unsigned char mine = i < presented.size() ? static_cast<unsigned char>(presented[i]) : 0;
    difference |= static_cast<unsigned char>(mine ^ static_cast<unsigned char>(expected[i]));
  }
  return difference == 0;
}

}  // namespace docsearch
