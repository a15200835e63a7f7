#include "ingest_service/parser/boilerplate.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

using ::testing::Optional;

TEST(Boilerplate, DropsNavigationLinks) {
  EXPECT_THAT(BoilerplateReason("Go to Homepage Go to Index"),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(BoilerplateReason(" [ Go to Index ]"), Optional(absl::string_view("navigation")));
  EXPECT_THAT(BoilerplateReason("| Home Page | Calendar | UN/CD | Links |"),
              Optional(absl::string_view("navigation")));
}

TEST(Boilerplate, DropsLogosAndLayout) {
  EXPECT_THAT(BoilerplateReason("natologo.jpg (2673 Byte)"), Optional(absl::string_view("logo")));
  EXPECT_THAT(BoilerplateReason("![]() |"), Optional(absl::string_view("logo")));
  EXPECT_THAT(BoilerplateReason("  • |"), Optional(absl::string_view("layout")));
}

TEST(Boilerplate, DropsPhoneFaxAndAddressLines) {
  EXPECT_THAT(BoilerplateReason("+32 (0)2 707 50 41"), Optional(absl::string_view("phone_fax")));
  EXPECT_THAT(BoilerplateReason("NATO Press Office Brussels - Tel: (32) 2 707 50 41, Fax: (32) 2"),
              Optional(absl::string_view("phone_fax")));
  EXPECT_THAT(BoilerplateReason("B-1110 Brussels/Bruxelles"),
              Optional(absl::string_view("address")));
}

TEST(Boilerplate, KeepsSentencesOfTheBody) {
  EXPECT_EQ(BoilerplateReason("We condemn terrorism in all its manifestations."), std::nullopt);
  EXPECT_EQ(BoilerplateReason("NATO-Russia Joint Statement"), std::nullopt);
  EXPECT_EQ(BoilerplateReason("The PJC at Ambassadorial level will meet again on 29 October 2001."),
            std::nullopt);
}

}  // namespace
}  // namespace docsearch::ingest
