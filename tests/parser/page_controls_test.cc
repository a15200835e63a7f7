// The page's controls, legal links, filing, copyright and feedback lines,
// read through BoilerplateReason as the parser reads every line.
#include "ingest_service/parser/page_controls.h"

#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/boilerplate.h"
#include "ingest_service/parser/late_furniture.h"

namespace docsearch::ingest {
namespace {

using ::testing::Optional;

TEST(PageControls, ControlsAndLinksInTheLanguagesRead) {
  for (const char* line : {"Print this article",
                           "Printer-friendly version",
                           "Email this page",
                           "Tweet",
                           "Top of page",
                           "Previous article",
                           "Next article",
                           "More news",
                           "Related topics",
                           "Permalink",
                           "« Back to news",
                           "Back to top ↑",
                           "Privacy policy",
                           "Cookie settings",
                           "Imprimer la page",
                           "Haut de page",
                           "Retour en haut",
                           "Mentions légales",
                           "Plan du site",
                           "Drucken",
                           "Nach oben",
                           "Impressum",
                           "Datenschutz",
                           "Mehr zum Thema",
                           "Compartir",
                           "Volver arriba",
                           "Aviso legal",
                           "Condividi",
                           "Torna su",
                           "Note legali",
                           "Follow us on Twitter",
                           "Suivez-nous sur Facebook"}) {
    EXPECT_THAT(BoilerplateReason(line), Optional(absl::string_view("navigation"))) << line;
  }
}

// Tags in other languages and scripts, in whatever case folding leaves
// them, with the fullwidth colon of Chinese and Japanese pages.
TEST(PageControls, FilingKeysInOtherScripts) {
  for (const char* line :
       {"Теги: Безопасность, Международное сотрудничество", "ТЕГИ: оборона",
        "Ключові слова: освіта, школи", "Ετικέτες: Υγεία / Εμβόλια", "الوسوم: الطاقة، الكهرباء",
        "标签：航天 探测器", "タグ：防衛", "Tagi: obronność, NATO", "Etiketler: savunma, NATO"}) {
    // Furniture: the site's filing, or (a few words of another script) the
    // layout's.
    EXPECT_TRUE(BoilerplateReason(line).has_value()) << line;
  }
  EXPECT_THAT(BoilerplateReason("Теги: Безопасность, Международное сотрудничество, Оборона"),
              Optional(absl::string_view("site")));
  for (const char* line : {"Все права защищены.", "Всички права запазени.", "جميع الحقوق محفوظة.",
                           "כל הזכויות שמורות."}) {
    EXPECT_THAT(BoilerplateReason(line), Optional(absl::string_view("site"))) << line;
  }
  // A rule on labels in Chinese is a sentence, not the page's tags.
  EXPECT_EQ(BoilerplateReason("标签：应当清晰、醒目、持久，易于辨认和识读。"), std::nullopt);
  // A sentence opening with the same word is text.
  EXPECT_EQ(BoilerplateReason("Теги помогают читателям находить материалы по теме."), std::nullopt);
}

TEST(PageControls, FilingCopyrightCreditsAndFeedback) {
  for (const char* line : {"Tags: defence, NATO, exercises",
                           "Keywords: NATO; defence ministers",
                           "Tags",
                           "Mots-clés : défense, OTAN",
                           "Schlagworte: NATO, Verteidigung",
                           "Etiquetas: OTAN, defensa",
                           "© NATO Parliamentary Assembly 2022",
                           "Copyright © 2019 Ministry of Defence. All rights reserved.",
                           "Copyright 2004 NATO",
                           "All rights reserved.",
                           "Tous droits réservés",
                           "Photo: Ministry of Defence",
                           "(Belga Photo)",
                           "Was this page useful? Yes No",
                           "Report a problem with this page",
                           "Cette page vous a-t-elle été utile ?",
                           "¿Existe algún problema con esta página?",
                           "Is deze pagina nuttig? Ja Nee",
                           "Var sidan till hjälp?",
                           "Czy ta strona była pomocna?"}) {
    EXPECT_THAT(BoilerplateReason(line), Optional(absl::string_view("site"))) << line;
  }
}

// The same words inside a text's own lines are the text: a sentence, a
// heading naming a subject, a letter misread from another code page that
// looks like the copyright sign.
TEST(PageControls, TheSameWordsInATextsOwnLinesAreText) {
  for (const char* line :
       {"Topic: the future of the Alliance", "Tags and labels will be removed from the documents.",
        "Next steps for the Alliance", "The Allies will print and distribute the report.",
        "Photo: the Secretary General meets the Minister in Brussels.",
        "2 - Libert\xE2\x88\x9A\xC2\xA9 de la presse (26 avril 2017)",
        "Copyright law and the protection of authors",
        "Share the burden of defence spending fairly",
        // Reporting something other than the page is a service's heading.
        "Signaler un problème de voirie", "Segnala un errore nei dati sanitari"}) {
    EXPECT_EQ(BoilerplateReason(line), std::nullopt) << line;
  }
}

TEST(PageControls, ReadsTheFoldedLineAndItsEdges) {
  EXPECT_THAT(PageControlReason("haut de page", "| haut de page |"),
              Optional(absl::string_view("navigation")));
  EXPECT_EQ(PageControlReason("summary", "summary"), std::nullopt);
}

TEST(PageControls, NavigationTogglesAndReadingTimes) {
  for (const char* line : {"Toggle navigation", "Site Index", "Contacts", "From:"}) {
    EXPECT_THAT(BoilerplateReason(line), Optional(absl::string_view("navigation"))) << line;
  }
  for (const char* line : {"Temps de lecture : 3 minutes", "Reading time: 4 min", "3 min read",
                           "Search for related information by keyword: Military | Canada"}) {
    EXPECT_THAT(BoilerplateReason(line), Optional(absl::string_view("site"))) << line;
  }
}

// Lines of real texts that open with a control's or a key's words, or
// name what a site's footer names, are the texts'.
TEST(PageControls, TextsLinesOpeningWithTheSameWordsStay) {
  for (const char* line :
       {"Copyright Directive (EU) 2019/790 had to be transposed into national law by 7 June 2021",
        "Tag: Dienstag, 14. M\xC3\xA4rz 2023",
        "Topics: support to Ukraine, defence production, Sweden and Finland's accession",
        "Category: Press conference", "Accessibility", "Disclaimer", "Location:",
        "The full report is available on the NATO website at https://www.nato.int/report",
        "The presence of EU diplomats should not be construed as an endorsement of its outcome"}) {
    EXPECT_EQ(BoilerplateReason(line), std::nullopt) << line;
  }
  EXPECT_EQ(LateFurnitureReason("Arabic"), std::nullopt);
  EXPECT_FALSE(NamesALanguageAlone("Chinese"));
}

// Controls in Portuguese and Dutch, page numbers left by a conversion from
// print, and modification stamps in the other languages read; a list's
// mark, a page named in the text and a one-word paragraph stay.
TEST(PageControls, MoreLanguagesEndMarksAndPageNumbers) {
  for (const char* line : {"Partilhar", "Début de la page", "Download (PDF)", "Direkt zum Inhalt",
                           "Zur Navigation springen", "Ir para o conteúdo", "Saltar al contenido",
                           "Vai al contenuto"}) {
    EXPECT_THAT(BoilerplateReason(line), Optional(absl::string_view("navigation"))) << line;
  }
  for (const char* line : {"Página 1 de 2", "Page 3 of 12", "Seite 2 von 4"}) {
    EXPECT_THAT(BoilerplateReason(line), Optional(absl::string_view("layout"))) << line;
  }
  for (const char* line : {"Zie ook", "Comunicados relacionados", "Siehe auch"}) {
    EXPECT_TRUE(IsLinkListHeading(line)) << line;
  }
  for (const char* line : {"Ultimo aggiornamento: 22 ottobre 2021", "Laatst gewijzigd: 3 mei 2019",
                           "Última atualização: 5 de janeiro de 2017"}) {
    EXPECT_THAT(LateFurnitureReason(line), Optional(absl::string_view("site"))) << line;
  }
  for (const char* line : {"Page 3 of the report lists the commitments.", "Seite an Seite", "- 2 -",
                           "Page 12", "Fin", "Ends", "Pagina 12 di 7 giorni"}) {
    EXPECT_EQ(BoilerplateReason(line), std::nullopt) << line;
  }
}

// Print, share and copy-link controls of the Nordic, Central European,
// Balkan, Turkish, Indonesian and Cyrillic-script sites.
TEST(PageControls, ControlsInNordicCentralEuropeanAndOtherLanguages) {
  for (const char* line :
       {"Skriv ut",     "Dela sidan",     "Tulosta",         "Drukuj",
        "Udostępnij",   "Kopiuj link",    "Sdílet",          "Vytisknout",
        "Kopiraj link", "Podijeli",       "Štampaj",         "Printează",
        "Nyomtatás",    "Paylaş",         "Yazdır",          "Cetak",
        "Bagikan",      "Partager sur :", "Share this page", "Copy the URL of this page"}) {
    EXPECT_THAT(BoilerplateReason(line), Optional(absl::string_view("navigation"))) << line;
  }
  // A word of another script alone on its line may be read as layout first.
  for (const char* line : {"Печать", "Поделиться", "Друк"}) {
    EXPECT_TRUE(BoilerplateReason(line).has_value()) << line;
  }
  // One word that is also a heading or a verb of the text's own ("Del",
  // part; "Kuuntele", listen; "Tillbaka", back) is no control alone.
  for (const char* line : {"Del", "Kuuntele", "Tillbaka", "Voltar", "Dela ut ansvaret",
                           "Drukuj formularz wniosku o dofinansowanie",
                           "Share of renewable energy rose to 40 per cent"}) {
    EXPECT_EQ(BoilerplateReason(line), std::nullopt) << line;
  }
}

// A news site's link to another of its stories between a text's
// paragraphs, in the languages read; "See also:" with one item may be the
// text's own cross-reference.
TEST(PageControls, ReadAlsoLinksBetweenParagraphs) {
  for (absl::string_view line :
       {"Read also: Minister holds talks with his counterpart by phone",
        "ALSO READ: Peacekeepers in the south are safe, says Defence Minister",
        "Lire aussi : le ministre s'entretient avec son homologue à Rabat",
        "Leia também: Governo anuncia novo programa de habitação",
        "Baca juga: Menlu bertemu Dubes"}) {
    EXPECT_THAT(LateFurnitureReason(line), Optional(absl::string_view("navigation"))) << line;
  }
  EXPECT_EQ(LateFurnitureReason("See also: Security Council resolution 2231 (2015)"), std::nullopt);
}

}  // namespace
}  // namespace docsearch::ingest
