#include "ingest_service/parser/release_shape.h"

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

TEST(ReleaseShape, ReadsAReleasesDateline) {
  EXPECT_TRUE(OpensWithReleaseDateline(
      "PARIS, 12 mars 2024 – Nordvik Énergie annonce la mise en service de son parc."));
  EXPECT_TRUE(OpensWithReleaseDateline(
      "LONDON, March 12, 2024 /PRNewswire/ -- Acme Holdings today announced its results."));
  EXPECT_TRUE(OpensWithReleaseDateline(
      "Paris, le 12 mars 2024 - Le groupe a présenté ses résultats annuels."));
  EXPECT_TRUE(
      OpensWithReleaseDateline("SAN FRANCISCO, June 3, 2024 — The company opened its new office."));
}

TEST(ReleaseShape, AnAgencysDatelineOrAPlaceInASentenceIsNoReleasesDateline) {
  EXPECT_FALSE(OpensWithReleaseDateline("BRUSSELS (Reuters) - Ministers met on 12 March 2024."));
  EXPECT_FALSE(OpensWithReleaseDateline("CHICAGO - The agency reached a settlement."));
  EXPECT_FALSE(OpensWithReleaseDateline(
      "In Brussels, on 12 March 2024 the Council adopted its conclusions."));
  EXPECT_FALSE(
      OpensWithReleaseDateline("The Council, meeting on 12 March 2024, adopted its conclusions."));
  EXPECT_FALSE(OpensWithReleaseDateline("Brussels, 12 March 2024"));
}

TEST(ReleaseShape, ReadsTheHeadingOfTheIssuersBoilerplate) {
  EXPECT_TRUE(IsAboutTheIssuerHeading("About Nordvik Bank"));
  EXPECT_TRUE(IsAboutTheIssuerHeading("À propos de Nordvik Énergie"));
  EXPECT_TRUE(IsAboutTheIssuerHeading("Über die Nordvik AG"));
  EXPECT_FALSE(IsAboutTheIssuerHeading("About us"));
  EXPECT_FALSE(IsAboutTheIssuerHeading("About the author of this report, who has worked here."));
  EXPECT_FALSE(IsAboutTheIssuerHeading("about the programme"));
  EXPECT_FALSE(
      IsAboutTheIssuerHeading("About the new rules for the export of dual use goods in Europe"));
}

}  // namespace
}  // namespace docsearch::ingest
