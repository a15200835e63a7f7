#include "common/bearer_token_checker.h"

#include <vector>

#include "gtest/gtest.h"

namespace docsearch {
namespace {

const BearerTokenChecker& Checker() {
  static const BearerTokenChecker* checker =
      new BearerTokenChecker("tok3n", {"docsearch.v1.IndexService", "docsearch.v1.IngestService"});
  return *checker;
}

TEST(BearerTokenChecker, LetsUnprotectedServicesThroughWithoutAToken) {
  EXPECT_TRUE(Checker().Check("/grpc.health.v1.Health/Check", absl::nullopt).ok());
  EXPECT_TRUE(
      Checker()
          .Check("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", absl::nullopt)
          .ok());
  EXPECT_TRUE(Checker().Check("/docsearch.v1.QueryService/Search", absl::nullopt).ok());
}

TEST(BearerTokenChecker, MissingOrMalformedTokenIsUnauthenticated) {
  for (absl::optional<absl::string_view> header :
       {absl::optional<absl::string_view>(), absl::optional<absl::string_view>(""),
        absl::optional<absl::string_view>("tok3n"), absl::optional<absl::string_view>("Bearer "),
        absl::optional<absl::string_view>("Basic tok3n")}) {
    EXPECT_EQ(Checker().Check("/docsearch.v1.IndexService/Write", header).code(),
              absl::StatusCode::kUnauthenticated)
        << header.value_or("(none)");
  }
}

TEST(BearerTokenChecker, TwoAuthorizationHeadersAreUnauthenticated) {
  const std::vector<absl::string_view> two = {"Bearer tok3n", "Bearer other"};
  const absl::Status status = Checker().Check("/docsearch.v1.IndexService/Write", two);
  EXPECT_EQ(status.code(), absl::StatusCode::kUnauthenticated);
  EXPECT_NE(status.message().find("2 authorization headers"), absl::string_view::npos);
  // Unprotected services do not look at the headers at all.
  EXPECT_TRUE(Checker().Check("/grpc.health.v1.Health/Check", two).ok());
  const std::vector<absl::string_view> one = {"Bearer tok3n"};
  EXPECT_TRUE(Checker().Check("/docsearch.v1.IndexService/Write", one).ok());
}

TEST(BearerTokenChecker, WrongTokenIsPermissionDenied) {
  for (absl::string_view header : {"Bearer tok3", "Bearer tok3nn", "Bearer TOK3N", "Bearer x"}) {
    EXPECT_EQ(Checker().Check("/docsearch.v1.IngestService/IngestDocument", header).code(),
              absl::StatusCode::kPermissionDenied)
        << header;
  }
}

TEST(BearerTokenChecker, RightTokenPassesWhateverTheSchemeCase) {
  EXPECT_TRUE(Checker().Check("/docsearch.v1.IndexService/Write", "Bearer tok3n").ok());
  EXPECT_TRUE(Checker().Check("/docsearch.v1.IndexService/Write", "bearer  tok3n ").ok());
}

TEST(BearerTokenChecker, MatchesWholeServiceNamesOnly) {
  EXPECT_TRUE(Checker().IsProtected("/docsearch.v1.IndexService/DeleteDocument"));
  EXPECT_FALSE(Checker().IsProtected("/docsearch.v1.IndexServiceX/Write"));
  EXPECT_FALSE(Checker().IsProtected("/v1.IndexService/Write"));
  EXPECT_FALSE(Checker().IsProtected(""));
}

TEST(ConstantTimeEquals, ComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abd", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("ab", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abcd", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("", "abc"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

}  // namespace
}  // namespace docsearch
