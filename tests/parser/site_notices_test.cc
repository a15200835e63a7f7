#include "ingest_service/parser/site_notices.h"

#include "common/text_folding.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/late_furniture.h"
#include "ingest_service/parser/page_controls.h"

namespace docsearch::ingest {
namespace {

TEST(SiteNotices, ACaptionEndingInItsCreditIsThePhotosNotTheTexts) {
  for (const char* caption : {
           "Investigators search premises during the action day. Photo: Europol",
           "Sessão plenária do STF. Foto: Rosinei Coutinho/SCO/STF",
           "An artist's concept of a crewed lander on the lunar surface. Credit: NASA",
           "Newly arrived refugees wait to be registered at the transit site. \xC2\xA9 UNHCR/Issa "
           "Mahamat",
           "A destroyer leaves port for the exercise. Photo: U.S. Navy",
           // Two words and a period; a caption parted from its credit by a
           // dash.
           "Fietsenstalling Stationsplein. Foto: Gemeente Utrecht / Jan Bos",
           "Sessão de encerramento no plenário, em Brasília - Foto: Ana Lima/Secom",
       }) {
    EXPECT_TRUE(IsCaptionWithCredit(caption)) << caption;
    EXPECT_TRUE(LateFurnitureReason(caption).has_value()) << caption;
  }
  // A sentence naming a photo or an image goes on after the colon, in
  // lower case or as a sentence; a credit line alone is read elsewhere.
  for (const char* text : {
           "The new emblem shows one image: a dove over the sea.",
           "The ministry published one photo: the minister said it was taken in March.",
           "Expanding the Working Families Tax Credit: Up to 1,200 dollars a year",
           "Strengthening the country's international image: Brazil Open for Business",
           "Photo: Europol",
           "\xC2\xA9 UNHCR 2001-2024",
       }) {
    EXPECT_FALSE(IsCaptionWithCredit(text)) << text;
  }
}

// The credit on the line under the caption; a text's last paragraph over
// the footer's copyright line, or over a dated credit, is no caption.
TEST(SiteNotices, ACaptionOverItsCreditLine) {
  EXPECT_TRUE(IsCaptionOverCreditLine("The two ministers in front of the parliament building.",
                                      "\xC2\xA9 Foreign Ministry"));
  EXPECT_TRUE(
      IsCaptionOverCreditLine("El canciller recibe el cargamento en el aeropuerto.", "Foto: SRE"));
  EXPECT_FALSE(IsCaptionOverCreditLine("The ministers agreed to meet again in the spring.",
                                       "\xC2\xA9 Crown copyright"));
  EXPECT_FALSE(IsCaptionOverCreditLine("The ministers agreed to meet again in the spring.",
                                       "\xC2\xA9 Ministry 2024"));
  EXPECT_FALSE(IsCaptionOverCreditLine("The ministers agreed to meet again in the spring.",
                                       "Photo: the ministers at the airport"));
  EXPECT_FALSE(IsCaptionOverCreditLine("The ministers agreed to meet again in the spring.",
                                       "Contact the press office for the photos of the day"));
}

// A web archive's toolbar over the page it kept; a sentence about the
// archive is the text's.
TEST(SiteNotices, AWebArchivesToolbar) {
  for (const char* line : {
           "The Wayback Machine - https://web.archive.org/web/19990203154512/http://example.gov/",
           "INTERNET ARCHIVE",
           "Wayback Machine",
           "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
           "Archive.",
       }) {
    EXPECT_TRUE(IsWebArchiveToolbar(FoldAccents(line))) << line;
    EXPECT_TRUE(LateFurnitureReason(line).has_value()) << line;
  }
  EXPECT_FALSE(IsWebArchiveToolbar(
      FoldAccents("The national library will give its web archive to the Internet Archive.")));
}

TEST(SiteNotices, TheSitesNoticesAboutItselfAreFurniture) {
  for (const char* notice : {
           "Here's how you know",
           "Official websites use .gov",
           "A .gov website belongs to an official government organization in the United States.",
           "Secure .gov websites use HTTPS",
           "Best viewed in 1024 x 768 resolution.",
           "Problems viewing this page? Please contact webmaster@wto.org giving details of the "
           "operating system and web browser you are using.",
           "This is the official website of the U.S. Embassy in Ghana. External links to other "
           "Internet sites should not be construed as an endorsement of the views or privacy "
           "policies contained therein.",
           "We acknowledge Aboriginal and Torres Strait Islander people as the First Peoples and "
           "Traditional Owners and Custodians of the land and water on which we rely. We pay our "
           "respects to Elders past and present.",
           // The government's wording, and one printed on two lines.
           "The Department acknowledges the Traditional Custodians of Country throughout "
           "Australia and their continuing connection to land, sea and community.",
           "We acknowledge the Traditional Custodians of the lands where we work and live.",
           "We pay our respects to Elders past, present and emerging.",
       }) {
    EXPECT_TRUE(IsSiteNotice(FoldAccents(notice))) << notice;
  }
  // A speaker's own acknowledgement opens a speech; a text's own sentences
  // with a notice's words stay.
  for (const char* text : {
           "I acknowledge the Traditional Custodians of the land on which we meet today, and pay "
           "my respects to Elders past and present.",
           "Can I begin by acknowledging the Traditional Custodians of the land, and paying my "
           "respects to Elders past and present.",
           "Let me acknowledge the Traditional Owners and pay respects to Elders past and present.",
           "The Minister acknowledges the Traditional Custodians of the land on which the new "
           "school was built.",
           "And that is how you know this government is serious about the cost of living.",
           "The comet is best viewed with binoculars shortly after sunset.",
           "Our presence at the summit does not constitute an endorsement of its conclusions.",
           "Agencies must move their sites to .gov addresses by the end of the year.",
       }) {
    EXPECT_FALSE(IsSiteNotice(FoldAccents(text))) << text;
    EXPECT_FALSE(LateFurnitureReason(text).has_value()) << text;
  }
}

// A site's sentence about itself, the site as its subject, in the
// languages read; a text citing a website stays.
TEST(SiteNotices, ASitesSentenceAboutItself) {
  for (const char* notice : {
           "Example.gov is the official website of the Department of the Treasury.",
           "Content on this website is published and managed by the Ministry of External "
           "Affairs.",
           "All content is in the public domain unless otherwise stated.",
           "This website is maintained by the Office of the Spokesperson.",
           "This site is managed by the Bureau of Public Affairs, U.S. Department of State.",
           "Dit is een website van het Ministerie van Buitenlandse Zaken.",
           "Ce site est édité par le Service d'information du Gouvernement.",
           "Ein Angebot des Bundesministeriums der Finanzen",
           "Este sitio web es administrado por la Secretaría de Comunicación.",
           "A Singapore Government Agency Website",
       }) {
    EXPECT_TRUE(IsSiteNotice(FoldAccents(notice))) << notice;
  }
  for (const char* text : {
           "The ministry's website lists the documents required for a visa.",
           "The new portal is the official website of the census, the minister said, and it "
           "will open on Monday to every household in the country for a month.",
           "Content moderation on social media platforms was discussed at length.",
           "The agency website will be updated with the new figures next week.",
           // A place, or a website that is the news itself.
           "This site is one of the oldest settlements on the coast.",
           "This site is managed by the National Trust and opens in April.",
           "Este sitio es Patrimonio Mundial desde 1985.",
           "Ce site est géré par l'Office national des forêts.",
           "This website is designed to help families find a childcare place.",
           "The new portal is the official website of the 2026 Census.",
           "Ein Angebot der Arbeitgeberseite liegt seit Montag vor.",
       }) {
    EXPECT_FALSE(IsSiteNotice(FoldAccents(text))) << text;
  }
}

TEST(SiteNotices, WatchAndShareLinks) {
  EXPECT_TRUE(IsWatchOrShareLink(FoldAccents("Watch the video on UN Web TV")));
  EXPECT_TRUE(IsWatchOrShareLink(FoldAccents("Compartilhe por WhatsApp")));
  EXPECT_FALSE(IsWatchOrShareLink(FoldAccents("Watch this space, the minister said.")));
}

TEST(SiteNotices, ALinkListOnItsHeadingsLine) {
  EXPECT_TRUE(OpensWithLinkListHeading(FoldAccents(
      "Related information: Monetary Policy Report\xE2\x80\x94January 2024; Opening statement")));
  EXPECT_FALSE(OpensWithLinkListHeading(
      FoldAccents("Related information: the Bank will publish its report on 24 January.")));
  EXPECT_FALSE(OpensWithLinkListHeading(FoldAccents("Background: the talks began in 2019")));
  // One item after a one-word heading may be the text's own.
  for (const char* text : {"Latest: Evacuation order lifted for Zone B",
                           "Related: Governor announces $25 million for flood recovery",
                           "See also: Security Council resolution 2231 (2015)"}) {
    EXPECT_FALSE(OpensWithLinkListHeading(FoldAccents(text))) << text;
  }
  EXPECT_TRUE(OpensWithLinkListHeading(
      FoldAccents("See also: Annual report 2023; Strategy 2025; Press contacts")));
}

}  // namespace
}  // namespace docsearch::ingest
