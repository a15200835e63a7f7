// Type labels and section names in scripts other than Latin, read through
// the type readers' public functions.
#include "ingest_service/parser/non_latin_labels.h"

#include "gtest/gtest.h"
#include "ingest_service/parser/doc_type.h"

namespace docsearch::ingest {
namespace {

using v1::DOC_TYPE_PRESS_RELEASE;
using v1::DOC_TYPE_PRESS_STATEMENT;
using v1::DOC_TYPE_SPEECH;
using v1::DOC_TYPE_UPDATE;

TEST(NonLatinLabels, ReadsALabelLineInEachScript) {
  EXPECT_EQ(DocTypeFromLabelLine("Пресс-релиз"), DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Δελτίο Τύπου"), DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("بيان صحفي"), DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("הודעה לעיתונות"), DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("報道発表"), DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("보도자료"), DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("新闻稿"), DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Заява"), DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromLabelLine("Ομιλία"), DOC_TYPE_SPEECH);
}

// Capitals, accents and the furniture of a label line do not hide it.
TEST(NonLatinLabels, IgnoresCaseAccentsAndFurniture) {
  EXPECT_EQ(DocTypeFromLabelLine("ПРЕСС-РЕЛИЗ"), DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("ΔΕΛΤΙΟ ΤΥΠΟΥ"), DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("| Пресс‑релиз |"),
            DOC_TYPE_PRESS_RELEASE);  // A non-breaking hyphen.
  EXPECT_EQ(DocTypeFromLabelLine("Заявление:"), DOC_TYPE_PRESS_STATEMENT);
}

// Only the whole line is a label: a headline that opens with the word is
// not one, nor is a Latin word, which the Latin tables read.
TEST(NonLatinLabels, ALabelIsTheWholeLine) {
  EXPECT_FALSE(DocTypeFromLabelLine("Заявление Председателя Банка России").has_value());
  EXPECT_FALSE(NonLatinLabelType("Press release").has_value());
  EXPECT_FALSE(OpensWithNonLatinLetter("Déclaration"));
  EXPECT_TRUE(OpensWithNonLatinLetter("• Новости"));
}

TEST(NonLatinLabels, ReadsSectionNames) {
  EXPECT_EQ(DocTypeFromSectionName("Новости"), DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromSectionName("Виступи"), DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromSectionName("البيانات الصحفية"), DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromSectionName("სიახლეები"), DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromSectionName("Լուրեր"), DOC_TYPE_UPDATE);
  // Chinese, Japanese and Korean name the owner first: "the Presidential
  // Office's news", "the embassy's news".
  EXPECT_EQ(DocTypeFromSectionName("總統府新聞"), DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromSectionName("대사관 소식"), DOC_TYPE_UPDATE);
  EXPECT_FALSE(DocTypeFromSectionName("新闻发言人").has_value());  // A spokesperson.
  // A press room holds texts of every kind.
  EXPECT_FALSE(DocTypeFromSectionName("Пресс-центр").has_value());
}

}  // namespace
}  // namespace docsearch::ingest
