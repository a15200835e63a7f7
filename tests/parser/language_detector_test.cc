// Language identification beyond English and French (texts written for the
// test).
#include "ingest_service/parser/language_detector.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

TEST(LanguageDetector, IdentifiesGermanSpanishAndItalian) {
  EXPECT_EQ(DetectLanguage("Die Außenminister der Mitgliedstaaten haben sich heute in Brüssel "
                           "getroffen. Sie haben über die Lage in der Ukraine und über die "
                           "Zusammenarbeit mit der Europäischen Union gesprochen und eine "
                           "gemeinsame Erklärung verabschiedet.")
                .language,
            "de");
  EXPECT_EQ(DetectLanguage("Los ministros de Asuntos Exteriores de los países miembros se "
                           "reunieron hoy en Bruselas. Hablaron de la situación en los Balcanes "
                           "y de la cooperación con la Unión Europea, y aprobaron una "
                           "declaración conjunta sobre la seguridad de la región.")
                .language,
            "es");
  EXPECT_EQ(DetectLanguage("I ministri degli Esteri dei paesi membri si sono riuniti oggi a "
                           "Bruxelles. Hanno discusso della situazione nei Balcani e della "
                           "cooperazione con l'Unione europea, e hanno approvato una "
                           "dichiarazione comune sulla sicurezza della regione.")
                .language,
            "it");
}

TEST(LanguageDetector, KeepsEnglishAndFrench) {
  EXPECT_EQ(DetectLanguage("The Foreign Ministers of the member countries met today in Brussels "
                           "and discussed the situation in the Balkans.")
                .language,
            "en");
  EXPECT_EQ(DetectLanguage("Les ministres des Affaires étrangères des pays membres se sont "
                           "réunis aujourd'hui à Bruxelles pour examiner la situation.")
                .language,
            "fr");
}

// Long texts are judged on a sample (LanguageSample): whole words from all
// over the text, so a text that changes language part way still reads as
// mixed and its title decides, as when CLD2 read all of it.
std::string Repeated(const std::string& text, size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += text;
  return out;
}

constexpr char kEnglish[] =
    "The Foreign Ministers of the member countries met today in Brussels and discussed the "
    "situation in the Balkans with their partners. ";
constexpr char kFrench[] =
    "Les ministres des Affaires \xC3\xA9trang\xC3\xA8res des pays membres se sont r\xC3\xA9unis "
    "aujourd'hui \xC3\xA0 Bruxelles pour examiner la situation avec leurs partenaires. ";

TEST(LanguageDetector, SamplesLongTextsInWholeWordsFromStartToEnd) {
  const std::string short_text = Repeated(kEnglish, 4000);
  EXPECT_EQ(LanguageSample(short_text), short_text);

  const std::string long_text = "Opening " + Repeated(kFrench, 40000) + " closing";
  const std::string sample = LanguageSample(long_text);
  EXPECT_LE(sample.size(), kLanguageSamplePieces * (kLanguageSamplePieceBytes + 1));
  EXPECT_GE(sample.size(), kLanguageSamplePieces * (kLanguageSamplePieceBytes - 40));
  EXPECT_EQ(sample.rfind("Opening ", 0), 0u);
  EXPECT_EQ(sample.substr(sample.size() - 8), " closing");
  // Whole words only: every word of the sample is a word of the text, and
  // the accented ones are still valid UTF-8 (CLD2 requires it).
  const absl::flat_hash_set<absl::string_view> words =
      absl::StrSplit(long_text, absl::ByAnyChar(" \n"), absl::SkipEmpty());
  for (absl::string_view word : absl::StrSplit(sample, absl::ByAnyChar(" \n"), absl::SkipEmpty())) {
    EXPECT_TRUE(words.contains(word)) << word;
  }
  EXPECT_EQ(DetectLanguage(long_text).language, "fr");
}

TEST(LanguageDetector, ALongBilingualTextTakesItsTitlesLanguage) {
  const std::string bilingual = Repeated(kEnglish, 20000) + Repeated(kFrench, 20000);
  EXPECT_EQ(DetectLanguage(bilingual, "Communiqu\xC3\xA9 de presse sur la situation").language,
            "fr");
  EXPECT_EQ(DetectLanguage(bilingual, "Press release on the situation").language, "en");
  // A French page in the middle of a long English text does not make it
  // mixed: the sample holds it in proportion.
  const std::string quoted =
      Repeated(kEnglish, 30000) + Repeated(kFrench, 2000) + Repeated(kEnglish, 30000);
  EXPECT_EQ(DetectLanguage(quoted, "Communiqu\xC3\xA9 de presse").language, "en");
}

}  // namespace
}  // namespace docsearch::ingest
