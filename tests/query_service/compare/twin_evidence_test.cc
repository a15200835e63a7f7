// The evidence that two documents are one statement in two languages:
// reference codes normalized across label languages, language-independent
// anchors (numbers and proper names), and the score with its conflicts.
#include "query_service/compare/twin_evidence.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docsearch::query::compare {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::IsSupersetOf;
using ::testing::Not;

TEST(TwinEvidence, ReferencesNormalizeAcrossLabelLanguages) {
  EXPECT_EQ(NormalizeReference("Press Release (2007)130"), "2007/130");
  EXPECT_EQ(NormalizeReference("Communiqué de presse (2007)130"), "2007/130");
  EXPECT_EQ(NormalizeReference("Communiqu de Presse (2000) 111"), "2000/111");
  EXPECT_EQ(NormalizeReference("(2000) 111"), "2000/111");
  // Two-digit years and leading zeros.
  EXPECT_EQ(NormalizeReference("Communiqu de Presse (99)020"), "1999/20");
  EXPECT_EQ(NormalizeReference("Press Release (1999)20"), "1999/20");
  EXPECT_EQ(NormalizeReference("PR/CP (2006)150"), "2006/150");
  // A committee code before the year is part of the reference.
  EXPECT_EQ(NormalizeReference("Press Release M-NAC-1(96) 063"), "M-NAC-1/1996/63");
  EXPECT_EQ(NormalizeReference("Communiqué de presse M-NAC-1 (2000)52"), "M-NAC-1/2000/52");
  EXPECT_NE(NormalizeReference("Press Release M-NAC-1(96)63"), NormalizeReference("(96)63"));
  // Other schemes keep their letters and digits.
  EXPECT_EQ(NormalizeReference("SG/SM/6986"), "SGSM6986");
  EXPECT_EQ(NormalizeReference("SC/6657"), "SC6657");
  EXPECT_EQ(NormalizeReference(""), "");
}

TEST(TwinEvidence, AnchorsAreNumbersAndCapitalisedWordsInsideSentences) {
  const std::vector<std::string> english = AnchorsOf(
      "As NATO approaches its 60th anniversary in 2009, the Alliance met in Riga "
      "with President Kostunica. Today we met.");
  const std::vector<std::string> french = AnchorsOf(
      "À l'approche de son 60e anniversaire, en 2009, l’Alliance s'est réunie à Riga "
      "avec le Président Kostunica.");
  EXPECT_THAT(english,
              IsSupersetOf({"60", "2009", "alliance", "riga", "kostunica", "president", "nato"}));
  EXPECT_THAT(french, IsSupersetOf({"60", "2009", "alliance", "riga", "kostunica", "president"}));
  // Sentence-initial capitals ("As", "Today") are not names; short words
  // and single digits are not anchors.
  EXPECT_THAT(english, Not(Contains("as")));
  EXPECT_THAT(english, Not(Contains("today")));
  EXPECT_THAT(AnchorsOf("In 5 days: UN and EU."), IsEmpty());
  // A number keeps its digits whole across thousands separators.
  EXPECT_THAT(AnchorsOf("more than 1,000.5 troops"), ElementsAre("10005"));
}

docsearch::v1::Document Statement(const std::string& language, const std::string& reference,
                                  int day, const std::vector<std::string>& paragraphs,
                                  bool numbered) {
  docsearch::v1::Document document;
  document.set_language(language);
  document.set_reference(reference);
  document.set_title(language == "en" ? "Ministerial meeting of the North Atlantic Council"
                                      : "Réunion ministérielle du Conseil de l'Atlantique Nord");
  if (day > 0) {
    document.mutable_published()->set_year(2007);
    document.mutable_published()->set_month(12);
    document.mutable_published()->set_day(day);
  }
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    auto* paragraph = document.add_paragraphs();
    paragraph->set_text(paragraphs[i]);
    if (numbered) paragraph->set_number(std::to_string(i + 1));
  }
  return document;
}

const std::vector<std::string> kEnglish = {
    "As NATO approaches its 60th anniversary in 2009, the Alliance is resolved to act.",
    "We reviewed the decisions taken at the Summit in Riga in November 2006 and in Bucharest.",
    "We paid tribute to the forces serving in Afghanistan and Kosovo with KFOR."};
const std::vector<std::string> kFrench = {
    "À l'approche de son 60e anniversaire, en 2009, l'Alliance est déterminée à agir.",
    "Nous avons examiné les décisions prises au Sommet de Riga en novembre 2006 et à Bucarest.",
    "Nous avons rendu hommage aux forces en Afghanistan et au Kosovo avec la KFOR."};
const std::vector<std::string> kOtherFrench = {
    "Les ministres de la défense se sont réunis à Varsovie le 24 septembre.",
    "Ils ont discuté de la Force de réaction de l'OTAN et des capacités de Prague.",
    "Le Secrétaire général a remercié le ministre Szmajdzinski."};

TEST(TwinEvidence, ATranslationWithTheSameReferenceDateAndNumbersScoresHigh) {
  const TwinScore scored =
      ScoreTwin(SignalsOf(Statement("en", "Press Release (2007)130", 7, kEnglish, true)),
                SignalsOf(Statement("fr", "Communiqué de presse (2007)130", 7, kFrench, true)));
  EXPECT_FALSE(scored.conflict);
  EXPECT_EQ(scored.evidence.shared_reference(), "2007/130");
  EXPECT_EQ(scored.evidence.date_difference_days(), 0);
  EXPECT_EQ(scored.evidence.numbered_paragraphs(), 3);
  EXPECT_EQ(scored.evidence.twin_numbered_paragraphs(), 3);
  EXPECT_EQ(scored.evidence.paragraphs_matched(), 3);
  EXPECT_THAT(scored.evidence.shared_anchors(),
              IsSupersetOf({"2006", "2009", "60", "afghanistan", "riga", "kosovo", "kfor"}));
  EXPECT_GT(scored.evidence.anchor_overlap(), 0.5);
  EXPECT_GT(scored.evidence.title_similarity(), 0.1);
  EXPECT_GT(scored.score, 0.8);
  EXPECT_TRUE(scored.IsTwin(kDefaultTwinScore));
}

TEST(TwinEvidence, WithoutReferenceTheDateAndContentStillLinkATranslation) {
  const TwinScore scored = ScoreTwin(SignalsOf(Statement("en", "", 7, kEnglish, false)),
                                     SignalsOf(Statement("fr", "", 8, kFrench, false)));
  EXPECT_FALSE(scored.conflict);
  EXPECT_EQ(scored.evidence.date_difference_days(), 1);
  EXPECT_EQ(scored.evidence.paragraphs_matched(), 0);
  EXPECT_TRUE(scored.IsTwin(kDefaultTwinScore)) << scored.score;
}

TEST(TwinEvidence, AnUnrelatedStatementOfTheSameDayIsNotATwin) {
  const TwinScore scored = ScoreTwin(SignalsOf(Statement("en", "", 7, kEnglish, true)),
                                     SignalsOf(Statement("fr", "", 7, kOtherFrench, true)));
  EXPECT_FALSE(scored.conflict);
  // Same day and paragraphs 1-3 on both sides: the metadata agree...
  EXPECT_EQ(scored.evidence.paragraphs_matched(), 3);
  // ...but the content does not.
  EXPECT_LT(scored.evidence.anchor_overlap(), kMinTwinAnchorOverlap);
  EXPECT_FALSE(scored.IsTwin(kDefaultTwinScore));
}

TEST(TwinEvidence, DifferentReferencesOrDistantDatesConflict) {
  const TwinSignals english =
      SignalsOf(Statement("en", "Press Release (2007)130", 7, kEnglish, true));
  const TwinScore other_reference = ScoreTwin(
      english, SignalsOf(Statement("fr", "Communiqué de presse (2007)131", 7, kFrench, true)));
  EXPECT_TRUE(other_reference.conflict);
  EXPECT_FALSE(other_reference.IsTwin(0.01));
  const TwinScore far_apart = ScoreTwin(english, SignalsOf(Statement("fr", "", 30, kFrench, true)));
  EXPECT_TRUE(far_apart.conflict);
  EXPECT_EQ(far_apart.evidence.date_difference_days(), 23);
  // An undated side neither conflicts nor adds to the score.
  const TwinScore undated = ScoreTwin(english, SignalsOf(Statement("fr", "", 0, kFrench, true)));
  EXPECT_FALSE(undated.conflict);
  EXPECT_EQ(undated.evidence.date_difference_days(), -1);
}

TEST(TwinEvidence, AnUpdatedHeaderCountsAsADate) {
  docsearch::v1::Document english = Statement("en", "", 0, kEnglish, false);
  english.mutable_updated()->set_seconds(int64_t{13854} * 86400);  // 2007-12-07
  const TwinScore scored =
      ScoreTwin(SignalsOf(english), SignalsOf(Statement("fr", "", 7, kFrench, false)));
  EXPECT_EQ(scored.evidence.date_difference_days(), 0);
}

}  // namespace
}  // namespace docsearch::query::compare
