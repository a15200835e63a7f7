// Language identification beyond English and French (texts written for the
// test).
#include "ingest_service/parser/language_detector.h"

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

}  // namespace
}  // namespace docsearch::ingest
