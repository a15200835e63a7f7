// The structure rules of the plain-text parser, on documents written for the
// test (not taken from the development corpus).
#include "ingest_service/parser/plain_text_parser.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

using ::testing::HasSubstr;

v1::ParseDocumentResponse ParseText(const std::string& text, const std::string& uri = "") {
  v1::ParseDocumentResponse response;
  ParsePlainText(text, uri, &response);
  return response;
}

bool HasWarning(const v1::Document& document, const std::string& code) {
  for (const v1::ParseWarning& warning : document.warnings()) {
    if (warning.code() == code) return true;
  }
  return false;
}

bool WasDropped(const v1::ParseDocumentResponse& response, const std::string& text,
                const std::string& reason) {
  for (const v1::DroppedLine& line : response.dropped_lines()) {
    if (line.text() == text && line.reason() == reason) return true;
  }
  return false;
}

TEST(PlainTextParser, ReadsHeaderReferenceDateLabelTitleAndNumberedParagraphs) {
  const v1::ParseDocumentResponse response = ParseText(
      "Updated: 14-Mar-2002 NATO Press Releases\n\nPress Release (2002)031\n\n14 March 2002\n\n"
      "Press Statement\n\nMeeting of the Euro-Atlantic Partnership Council\n\n"
      "  1. The Council met today in Brussels to discuss the situation in the region and agreed "
      "on the next steps.\n  2. Ministers welcomed the progress made since their last meeting.\n");
  const v1::Document& document = response.document();
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(document.doc_type_raw(), "Press Statement");
  EXPECT_EQ(document.reference(), "Press Release (2002)031");
  EXPECT_EQ(document.published().month(), 3);
  EXPECT_EQ(document.title(), "Meeting of the Euro-Atlantic Partnership Council");
  ASSERT_EQ(document.paragraphs_size(), 2);
  EXPECT_EQ(document.paragraphs(1).number(), "2");
  EXPECT_TRUE(document.warnings().empty());
}

TEST(PlainTextParser, ReadsFrenchHeadersDatesAndLabels) {
  const v1::Document document =
      ParseText(
          "Mise \xC3\xA0 jour: 05-mars-2002 OTAN Communiqu\xC3\xA9s de presse\n\n"
          "Communiqu\xC3\xA9 de presse (2002)028\n\n5 mars 2002\n\nD\xC3\xA9"
          "claration\n\n"
          "R\xC3\xA9union du Conseil de l'Atlantique Nord\n\n"
          "Le Conseil de l'Atlantique Nord s'est r\xC3\xA9uni aujourd'hui \xC3\xA0 Bruxelles pour "
          "examiner la situation dans les Balkans et a d\xC3\xA9"
          "cid\xC3\xA9 de poursuivre.\n")
          .document();
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(document.reference(), "Communiqu\xC3\xA9 de presse (2002)028");
  EXPECT_EQ(document.published().day(), 5);
  EXPECT_EQ(document.updated().seconds(), 1015286400);  // 2002-03-05
  EXPECT_EQ(document.title(), "R\xC3\xA9union du Conseil de l'Atlantique Nord");
}

TEST(PlainTextParser, DropsPlaceLinesAndLoneBylinesAroundTheDate) {
  const v1::ParseDocumentResponse response = ParseText(
      "Warsaw\n12 May 2003\n\nby NATO Secretary General, Lord Robertson\n\n"
      "Ladies and Gentlemen,\n\nIt is a pleasure to be here today in Warsaw to talk "
      "about the future of our Alliance.\n");
  EXPECT_EQ(response.document().title(), "");
  EXPECT_EQ(response.document().published().year(), 2003);
  EXPECT_TRUE(WasDropped(response, "Warsaw", "place"));
  EXPECT_TRUE(WasDropped(response, "by NATO Secretary General, Lord Robertson", "byline"));
  EXPECT_EQ(response.document().paragraphs(0).text(), "Ladies and Gentlemen,");
}

TEST(PlainTextParser, RejoinsHardWrappedLinesAndUndoesHyphenation) {
  const v1::Document document =
      ParseText(
          "Statement on the Balkans\n\n"
          "The Council reviewed the situation in the region and noted the co-\n"
          "operation of all parties in implementing the agreement reached in\n"
          "Dayton. It will continue to monitor developments closely.\n\n"
          "Ministers also discussed the future of the mission in the region.\n")
          .document();
  EXPECT_EQ(document.title(), "Statement on the Balkans");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_TRUE(HasWarning(document, "doc_type_from_title"));
  ASSERT_EQ(document.paragraphs_size(), 2);
  EXPECT_THAT(document.paragraphs(0).text(),
              HasSubstr("noted the cooperation of all parties in implementing the agreement "
                        "reached in Dayton. It will"));
}

TEST(PlainTextParser, MovesCitedNumberedNotesToFootnotes) {
  const v1::Document document =
      ParseText(
          "Press Statement\n\nCouncil statement on the region\n\n"
          "The Council welcomed the agreement reached with the former Yugoslav Republic of "
          "Macedonia (1) and called for calm.\n\n"
          "  1. Turkey recognises the Republic of Macedonia with its constitutional name.\n")
          .document();
  ASSERT_EQ(document.footnotes_size(), 1);
  EXPECT_EQ(document.footnotes(0).marker(), "1");
  EXPECT_EQ(document.paragraphs_size(), 1);
}

TEST(PlainTextParser, TreatsWeeklyDigestsAsUpdatesWithoutATitle) {
  const v1::Document document =
      ParseText(
          "Updated: 10-Apr-2000 Week of 3-9 April 2000\n\n3 Apr. 2000\nSecretary General visits "
          "Moscow\nLord Robertson met the Russian Foreign Minister in Moscow today to discuss "
          "cooperation between NATO and Russia.\n\n5 Apr. 2000\nNew partnership programme\nThe "
          "Council approved a new partnership programme for the coming year and beyond it.\n")
          .document();
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_UPDATE);
  EXPECT_EQ(document.title(), "");
  EXPECT_EQ(document.published().day(), 3);
  EXPECT_TRUE(HasWarning(document, "published_from_week_header"));
}

TEST(PlainTextParser, FallsBackToTheSourceUriDateAndSaysSo) {
  const v1::Document document =
      ParseText(
          "Council statement on the region\n\nThe Council met and agreed to continue its "
          "work in the region for the coming months.\n",
          "https://www.nato.int/docu/pr/2002/p020315e.htm")
          .document();
  EXPECT_EQ(document.published().year(), 2002);
  EXPECT_EQ(document.published().month(), 3);
  EXPECT_EQ(document.published().day(), 15);
  EXPECT_TRUE(HasWarning(document, "published_from_source_uri"));
}

TEST(PlainTextParser, DropsRelatedNewsSidebarsAfterTheTitle) {
  const v1::ParseDocumentResponse response = ParseText(
      "15 Mar. 2002\n\nAllies agree on new headquarters\n\n12/03/2002 - SHAPE\nSACEUR visits the "
      "region\n\nThe Allies agreed today on the structure of the new headquarters, which will be "
      "ready next year.\n");
  EXPECT_EQ(response.document().title(), "Allies agree on new headquarters");
  EXPECT_TRUE(WasDropped(response, "12/03/2002 - SHAPE", "sidebar"));
  EXPECT_TRUE(WasDropped(response, "SACEUR visits the region", "sidebar"));
  ASSERT_EQ(response.document().paragraphs_size(), 1);
}

TEST(PlainTextParser, KeepsLabelsOfOtherKindsAsOther) {
  const v1::Document document =
      ParseText(
          "3 Apr. 2000\n\nPress Conference\n\nby the Secretary General after the meeting\n"
          "\nGood afternoon. The Council met this morning to review the situation.\n")
          .document();
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_OTHER);
  EXPECT_EQ(document.doc_type_raw(), "Press Conference");
}

TEST(PlainTextParser, ReadsReferencesPrintedOneWordPerLine) {
  const v1::Document document =
      ParseText(
          "Press\nRelease\nM-NAC-2(92)106\n\n17 Dec. 1992\n\nFinal Communiqu\xC3\xA9\n\n"
          "Ministerial Meeting of the North Atlantic Council\n\n  1. We met today in "
          "Brussels and reviewed the work of the Alliance over the past year.\n")
          .document();
  EXPECT_EQ(document.reference(), "Press Release M-NAC-2(92)106");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_COMMUNIQUE);
  EXPECT_EQ(document.title(), "Ministerial Meeting of the North Atlantic Council");
}

}  // namespace
TEST(PlainTextParser, ReadsASpeechFromItsIntroductionOrItsSalutation) {
  const v1::Document remarks =
      ParseText(
          "Remarks by the Minister and the Secretary General after their Meeting\n\n"
          "12 May 2016\n\n"
          "The Minister thanked the Secretary General for the visit and the two discussed the "
          "preparations for the summit in some detail.\n")
          .document();
  EXPECT_EQ(remarks.doc_type(), v1::DOC_TYPE_SPEECH);
  EXPECT_TRUE(HasWarning(remarks, "doc_type_from_title"));

  const v1::Document greeted =
      ParseText(
          "The Future of the Alliance\n\n12 May 2016\n\n"
          "Ladies and Gentlemen, it is a pleasure to be here today and to speak about the "
          "future of our partnership.\n")
          .document();
  EXPECT_EQ(greeted.doc_type(), v1::DOC_TYPE_SPEECH);
  EXPECT_TRUE(HasWarning(greeted, "doc_type_from_salutation"));

  // A greeting shared with press conferences is not enough.
  const v1::Document briefing =
      ParseText(
          "The Future of the Alliance\n\n12 May 2016\n\n"
          "Good afternoon, I will take your questions after a short introduction about the "
          "meeting.\n")
          .document();
  EXPECT_EQ(briefing.doc_type(), v1::DOC_TYPE_UNSPECIFIED);
}

TEST(PlainTextParser, ReadsTypesNamedInsideTheTitle) {
  const v1::Document document =
      ParseText(
          "Meeting of the Council of Ministers: Final Communique\n\n12 May 2016\n\n"
          "The Council met today in Brussels and agreed on the following points after a long "
          "discussion.\n")
          .document();
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_COMMUNIQUE);
}

}  // namespace docsearch::ingest
