// Whole pages whose date row next to the headline holds more than the date
// (date_rows.h): the text's label and number before it, or brackets around
// a place and date. The row dates the text as its date line, not a date
// found in the body by a fallback. The sites and texts are invented.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

// Whether the parse says it fell back to a date in the body.
bool DatedFromTheBody(const v1::Document& document) {
  for (const v1::ParseWarning& warning : document.warnings()) {
    if (warning.code() == "published_from_body") return true;
  }
  return false;
}

// A statistics office prints the release's number and date on one line
// above the headline, and key figures under it; the text names only the
// year it reports on.
constexpr char kNumberedReleaseRow[] = R"(Statistisches Landesamt
Suche
Themen
Presse
Service
Über uns
Kontakt
Startseite > Presse > Pressemitteilungen > 2025 > März

Pressemitteilung Nr. 044 vom 12. März 2025
Zahl der Übernachtungen im Jahr 2024 um 3,1 % gestiegen
Städte legen stärker zu als ländliche Regionen
Auf einen Blick:
Übernachtungen, 2024
+3,1 % zum Vorjahr

Die Beherbergungsbetriebe im Land haben im Jahr 2024 insgesamt 21,4 Millionen Übernachtungen gezählt, 3,1 % mehr als im Vorjahr.

Den stärksten Zuwachs verzeichneten die Städte, während die Zahl der Übernachtungen auf dem Land nahezu unverändert blieb.
)";

TEST(LabelledDateRows, ARowWithTheReleasesNumberDatesIt) {
  const v1::Document document = ParseText(kNumberedReleaseRow);
  EXPECT_EQ(document.title(), "Zahl der Übernachtungen im Jahr 2024 um 3,1 % gestiegen");
  EXPECT_THAT(document.published(), IsDate(2025, 3, 12));
  EXPECT_FALSE(DatedFromTheBody(document));
  EXPECT_FALSE(BodyHolds(document, "Nr. 044"));
}

// A foreign ministry prints the place and date in brackets under the
// spokesman's label.
constexpr char kBracketedPlaceAndDate[] = R"(Ministère des Affaires étrangères
Accueil | Le Ministère | Politique étrangère | Actualités
English | Español | Deutsch
Rechercher
Plan du site
Contacts
Actualités > Déclarations officielles > Mars 2002
Déclarations
Points de presse

DÉCLARATION DU PORTE-PAROLE

(Paris, 12 mars 2002)

La France condamne l'attentat commis hier et exprime sa solidarité aux familles des victimes.

Elle appelle les parties à la retenue et à la reprise du dialogue.
)";

TEST(LabelledDateRows, APlaceAndDateInBracketsDateTheText) {
  const v1::Document document = ParseText(kBracketedPlaceAndDate);
  EXPECT_THAT(document.published(), IsDate(2002, 3, 12));
  EXPECT_FALSE(DatedFromTheBody(document));
  EXPECT_FALSE(BodyHolds(document, "(Paris, 12 mars 2002)"));
}

}  // namespace
}  // namespace docsearch::ingest
