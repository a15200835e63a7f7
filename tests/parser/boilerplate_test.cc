#include "ingest_service/parser/boilerplate.h"

#include <optional>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/late_furniture.h"

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

// A date in figures has the shape of a short number, and is the text's
// date, not a contact; a telephone key before a number is one without a
// colon too.
TEST(Boilerplate, ADateInFiguresIsNoPhoneNumber) {
  for (const char* date : {"25/06/2018", "11-07-2016", "11.07.2016", "2016-07-11"}) {
    EXPECT_EQ(BoilerplateReason(date), std::nullopt) << date;
  }
  EXPECT_THAT(BoilerplateReason("+372 637 7654"), Optional(absl::string_view("phone_fax")));
  EXPECT_THAT(BoilerplateReason("Tel. +372 637 7654"), Optional(absl::string_view("phone_fax")));
  EXPECT_THAT(BoilerplateReason("Fax 32 2 707 50 41"), Optional(absl::string_view("phone_fax")));
  // Shaped like a date but no year a text is dated by: a number.
  EXPECT_THAT(BoilerplateReason("22-11-4567"), Optional(absl::string_view("phone_fax")));
  EXPECT_EQ(BoilerplateReason("Tel Aviv 2016"), std::nullopt);
  EXPECT_EQ(BoilerplateReason("Phones 12345678 were seized"), std::nullopt);
}

// A time in a press office's formula is no speaker's colon; a page's stamp
// of its last change, a contact line and a release's end mark are the
// site's, wherever they stand.
TEST(Boilerplate, EmbargoesStampsContactsAndEndMarks) {
  EXPECT_THAT(LateFurnitureReason("EMBARGOED UNTIL 12:00 CET"),
              Optional(absl::string_view("press_office")));
  EXPECT_EQ(LateFurnitureReason("Press Secretary: the President will travel to Brussels"),
            std::nullopt);
  EXPECT_THAT(LateFurnitureReason("Last updated: 10 Feb. 2021 16:03"),
              Optional(absl::string_view("site")));
  EXPECT_THAT(LateFurnitureReason("Date Modified: 2011-03-29"),
              Optional(absl::string_view("site")));
  EXPECT_EQ(LateFurnitureReason("Last updated figures show a rise in spending"), std::nullopt);
  EXPECT_THAT(BoilerplateReason("Contact: Preben Aamann, +32 2 281 2060, preben.aamann@example.eu"),
              Optional(absl::string_view("phone_fax")));
  EXPECT_EQ(BoilerplateReason("The Contact Group: ministers met in London"), std::nullopt);
  EXPECT_THAT(BoilerplateReason("-END-"), Optional(absl::string_view("navigation")));
  EXPECT_THAT(BoilerplateReason("- 30 -"), Optional(absl::string_view("navigation")));
  // A row of cells holding a date is the text's own line, not a menu.
  EXPECT_EQ(BoilerplateReason("Press statement | 23 February 2022 | Brussels"), std::nullopt);
  EXPECT_THAT(BoilerplateReason("Home | News | Statements"),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(BoilerplateReason("Home | News | Press releases | 12.05.2020"),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(BoilerplateReason("Share | Print | Email | 12.05.2020"),
              Optional(absl::string_view("navigation")));
  // "Contact" inside a sentence is the text's word; a stamp may say "on".
  EXPECT_EQ(BoilerplateReason("Both sides named their points of contact: the two embassies."),
            std::nullopt);
  EXPECT_THAT(LateFurnitureReason("Last updated on 3 May 2019"),
              Optional(absl::string_view("site")));
  // The stamp with a link to the page's history after a dash; a dash
  // going on with more than a link is the text's.
  EXPECT_THAT(LateFurnitureReason("Last updated 5 April 2022 — See all updates"),
              Optional(absl::string_view("site")));
  EXPECT_EQ(LateFurnitureReason(
                "Last updated 5 April 2022 — the ministry revised its figures for the third time"),
            std::nullopt);
}

// A line of addresses only is a contact block; a sentence naming one is text.
TEST(Boilerplate, DropsLinesOfAddressesOnly) {
  EXPECT_THAT(BoilerplateReason("press.office@consilium.europa.eu - www.consilium.europa.eu/press"),
              Optional(absl::string_view("contact")));
  EXPECT_THAT(BoilerplateReason("https://www.osce.org | media@osce.org"),
              Optional(absl::string_view("contact")));
  EXPECT_EQ(BoilerplateReason("Write to press@nato.int for accreditation."), std::nullopt);
  // A lone web address may be the text's own link.
  EXPECT_EQ(BoilerplateReason("https://www.example.org/reports/annual-report.pdf"), std::nullopt);
  EXPECT_THAT(BoilerplateReason("media@osce.org"), Optional(absl::string_view("contact")));
  EXPECT_THAT(BoilerplateReason("- | -"), Optional(absl::string_view("layout")));
}

// A sharing bar's buttons and a sidebar's heading, each on its own line.
TEST(Boilerplate, DropsSharingButtonsAndRelatedHeadings) {
  for (const char* line :
       {"Share this", "Share this article", "Facebook", "Twitter", "LinkedIn", "Related"}) {
    EXPECT_THAT(BoilerplateReason(line), Optional(absl::string_view("navigation"))) << line;
  }
  EXPECT_EQ(BoilerplateReason("Twitter said the account was suspended."), std::nullopt);
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
  // A contact key counts only before a colon; a file only by its format
  // after a space or a parenthesis, or by its size.
  EXPECT_THAT(BoilerplateReason("T\xC3\xA9l. : 02 707 50 41"),
              Optional(absl::string_view("phone_fax")));
  EXPECT_EQ(BoilerplateReason("Telephone calls between the leaders resumed"), std::nullopt);
  EXPECT_THAT(BoilerplateReason("Audio file .MP3/806Kb"),
              Optional(absl::string_view("media_link")));
  EXPECT_THAT(BoilerplateReason("Full text (pdf, 17 Kb)"),
              Optional(absl::string_view("media_link")));
  EXPECT_THAT(BoilerplateReason("File Type: pdf"), Optional(absl::string_view("media_link")));
  EXPECT_EQ(BoilerplateReason("The report is in the file annex"), std::nullopt);
  EXPECT_THAT(BoilerplateReason("flag.gif"), Optional(absl::string_view("logo")));
}

TEST(Boilerplate, LateFurnitureReadsContactHeadingsPlayersAndVersionLinks) {
  EXPECT_THAT(LateFurnitureReason("Contact Information Regional Public Affairs Office"),
              Optional(absl::string_view("contact")));
  EXPECT_THAT(LateFurnitureReason("Press contacts: Spokesperson's Office"),
              Optional(absl::string_view("contact")));
  EXPECT_THAT(LateFurnitureReason("Welcome to the website of the Ministry"),
              Optional(absl::string_view("site")));
  EXPECT_THAT(LateFurnitureReason("Willkommen auf den Seiten des Ministeriums"),
              Optional(absl::string_view("site")));
  EXPECT_TRUE(IsWelcomeBannerLine("Bienvenue sur le site du minist\xC3\xA8re"));
  EXPECT_FALSE(IsWelcomeBannerLine("Welcome to the new members of the Alliance"));
  EXPECT_THAT(LateFurnitureReason("Watch the press conference:"),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(LateFurnitureReason("Revoir la conf\xC3\xA9rence de presse : "),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(LateFurnitureReason("Read the French version"),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(LateFurnitureReason("Lire la version anglaise"),
              Optional(absl::string_view("navigation")));
  // Not furniture: a sentence, a headline that watches or contacts.
  EXPECT_EQ(LateFurnitureReason("Watch the situation closely, the Council said."), std::nullopt);
  EXPECT_EQ(LateFurnitureReason("Ministers Watch Elections in the Region"), std::nullopt);
  EXPECT_EQ(LateFurnitureReason("Contact Group Statement on the Balkans"), std::nullopt);
  // The cascade's own rules do not read these shapes (see late_furniture.h).
  EXPECT_EQ(BoilerplateReason("Watch the press conference:"), std::nullopt);
}

TEST(Boilerplate, LateFurnitureReadsNoticesDisclaimersAndWrapping) {
  // Lines written for the test in the shapes press offices and republishing
  // sites print.
  EXPECT_THAT(LateFurnitureReason("If you are not a journalist, please write to the "
                                  "information office."),
              Optional(absl::string_view("notice")));
  EXPECT_THAT(LateFurnitureReason("Media enquiries: +1 555 0100"),
              Optional(absl::string_view("notice")));
  EXPECT_THAT(LateFurnitureReason("R\xC3\xA9serv\xC3\xA9 aux journalistes"),
              Optional(absl::string_view("notice")));
  EXPECT_THAT(LateFurnitureReason("This text from the originating organization has been edited "
                                  "for clarity; the views expressed are the author's own."),
              Optional(absl::string_view("site")));
  EXPECT_THAT(LateFurnitureReason("[Excerpts]"), Optional(absl::string_view("editorial")));
  EXPECT_THAT(LateFurnitureReason("Extrait"), Optional(absl::string_view("editorial")));
  EXPECT_THAT(LateFurnitureReason("Home About Us News Events Publications Contact"),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(LateFurnitureReason("   Office of the Press Secretary"),
              Optional(absl::string_view("press_office")));
  // Text: one phrase of a disclaimer, a sentence about journalists or an
  // excerpt, a headline opening with "Home", a speaker's turn.
  EXPECT_EQ(LateFurnitureReason("The views expressed by ministers differed on the budget."),
            std::nullopt);
  EXPECT_EQ(LateFurnitureReason("If you are a journalist covering the summit, the Council "
                                "said, accreditation closes on Friday and the press centre "
                                "opens on Monday at the conference venue near the station, "
                                "where badges will be handed out to every registered "
                                "member of the media from eight in the morning."),
            std::nullopt);
  EXPECT_EQ(LateFurnitureReason("Extrait du discours du Ministre"), std::nullopt);
  EXPECT_EQ(LateFurnitureReason("Home Secretary Announces New Measures for Border Security"),
            std::nullopt);
  EXPECT_EQ(LateFurnitureReason("Press Secretary: Good afternoon, everyone."), std::nullopt);
}

TEST(Boilerplate, LateFurnitureReadsAPagesPublicationStamp) {
  EXPECT_THAT(LateFurnitureReason("Publi\xC3\xA9 le 06 septembre 2014"),
              Optional(absl::string_view("site")));
  EXPECT_THAT(LateFurnitureReason("Posted on June 8, 2006"), Optional(absl::string_view("site")));
  EXPECT_THAT(LateFurnitureReason("Ver\xC3\xB6"
                                  "ffentlicht am 5. Juli 2019"),
              Optional(absl::string_view("site")));
  EXPECT_THAT(LateFurnitureReason("Publi\xC3\xA9 par"), Optional(absl::string_view("site")));
  EXPECT_THAT(LateFurnitureReason("Posted by:"), Optional(absl::string_view("site")));
  // A sentence saying when something was published is text.
  EXPECT_EQ(LateFurnitureReason("Published on 8 June 2006, the report found that the force was "
                                "short of helicopters."),
            std::nullopt);
  EXPECT_EQ(LateFurnitureReason("Published on request of the Council"), std::nullopt);
  EXPECT_EQ(LateFurnitureReason("Published by the Council of the European Union"), std::nullopt);
}

TEST(Boilerplate, LateFurnitureReadsASitesLongNoticeAboutItself) {
  std::string notice =
      "The web site below is a permanent electronic archive of information released online "
      "during the previous administration. Archive sites are not updated, so links may no "
      "longer work.";
  while (notice.size() < 400) notice += " Contact us with any questions about the archive.";
  EXPECT_THAT(LateFurnitureReason(notice), Optional(absl::string_view("site")));
  EXPECT_EQ(LateFurnitureReason("The Council agreed to archive the records of the meeting in a "
                                "permanent electronic archive, as the treaty requires, and "
                                "discussed the next steps of the process in some detail over a "
                                "long session that ran late into the evening of the second "
                                "day, when ministers also reviewed the budget of the "
                                "organisation and its committees for the coming year and "
                                "agreed a statement."),
            std::nullopt);
}

TEST(Boilerplate, KeepsSentencesOfTheBody) {
  EXPECT_EQ(BoilerplateReason("We condemn terrorism in all its manifestations."), std::nullopt);
  EXPECT_EQ(BoilerplateReason("NATO-Russia Joint Statement"), std::nullopt);
  EXPECT_EQ(BoilerplateReason("The PJC at Ambassadorial level will meet again on 29 October 2001."),
            std::nullopt);
}

TEST(Boilerplate, DropsLanguageMenusDownloadsAndTeaserLinks) {
  EXPECT_THAT(BoilerplateReason("EN / FR / RU"), Optional(absl::string_view("navigation")));
  EXPECT_THAT(BoilerplateReason("En. / Fr. / Ru. / Ukr."),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(BoilerplateReason("English | Fran\xC3\xA7"
                                "ais"),
              Optional(absl::string_view("navigation")));
  // Each language named in its own script, as menus name them.
  EXPECT_THAT(BoilerplateReason("English / Fran\xC3\xA7"
                                "ais / \xD0\xA0\xD1\x83\xD1\x81\xD1\x81"
                                "\xD0\xBA\xD0\xB8\xD0\xB9 / \xD0\xA3\xD0\xBA\xD1\x80\xD0\xB0"
                                "\xD1\x97\xD0\xBD\xD1\x81\xD1\x8C\xD0\xBA\xD0\xB0"),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(BoilerplateReason("Deutsch | Espa\xC3\xB1ol | Polski | T\xC3\xBCrk\xC3\xA7"
                                "e"),
              Optional(absl::string_view("navigation")));
  // Two words that are not languages, or a headline with a slash, are text.
  EXPECT_EQ(BoilerplateReason("NATO / Russia"), std::nullopt);
  EXPECT_EQ(BoilerplateReason("Polish / Lithuanian brigade formed"), std::nullopt);
  EXPECT_THAT(BoilerplateReason("Audio file .MP3/806Kb"),
              Optional(absl::string_view("media_link")));
  EXPECT_THAT(BoilerplateReason("(17Kb)"), Optional(absl::string_view("media_link")));
  // The media link after another parenthesis opening with a period.
  EXPECT_THAT(BoilerplateReason("Speech by the Secretary General (.html version) (.MP3/.985Kb) "
                                "(poor sound)"),
              Optional(absl::string_view("media_link")));
  EXPECT_THAT(BoilerplateReason("File Type:pdf, Size:1020Kb"),
              Optional(absl::string_view("media_link")));
  EXPECT_THAT(BoilerplateReason("T\xC3\xA9l\xC3\xA9"
                                "charger le .pdf"),
              Optional(absl::string_view("media_link")));
  EXPECT_THAT(BoilerplateReason("Continue reading..."), Optional(absl::string_view("navigation")));
  EXPECT_THAT(BoilerplateReason("Skip to main content"), Optional(absl::string_view("navigation")));
  // Text that only mentions languages, files or sizes stays.
  EXPECT_EQ(BoilerplateReason("The EU and the UN agreed on a joint mission."), std::nullopt);
  EXPECT_EQ(BoilerplateReason("Ministers read more than 40 reports on the mission in 2004."),
            std::nullopt);
  EXPECT_EQ(BoilerplateReason("The 25 MB archive of the conference was published online."),
            std::nullopt);
  EXPECT_EQ(BoilerplateReason("US / UK joint statement on the Balkans"), std::nullopt);
}

TEST(Boilerplate, DropsBreadcrumbsAndSiteBanners) {
  EXPECT_THAT(BoilerplateReason("Home  /  Newsroom  /  Archive  /  2019  /  Minister visits Mons"),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(BoilerplateReason("You are in: Bureau of Affairs > Releases > 2003 > December"),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(BoilerplateReason("An official website of the United States government"),
              Optional(absl::string_view("site")));
  EXPECT_THAT(BoilerplateReason("This is historical material. The website is no longer updated."),
              Optional(absl::string_view("site")));
  EXPECT_EQ(BoilerplateReason("The programme is on the official website of the summit."),
            std::nullopt);
  EXPECT_THAT(BoilerplateReason("Search form"), Optional(absl::string_view("navigation")));
  // Slashes and arrows in text are not a path.
  EXPECT_EQ(BoilerplateReason("The EU / NATO meeting took place on 3 June."), std::nullopt);
  EXPECT_EQ(BoilerplateReason("Input > output / cost ratios rose."), std::nullopt);
}

// Language menus with the codes spaced or the names one to a line (the
// names read after the model), a path of two steps from home, a site's
// notices about its links, archive and licence, a release's stamp.
TEST(Boilerplate, MenusPathsAndNoticesOfOtherSites) {
  EXPECT_THAT(BoilerplateReason("FR EN ES DE AR ZH"), Optional(absl::string_view("navigation")));
  EXPECT_EQ(BoilerplateReason("EU NATO UN OSCE"), std::nullopt);
  EXPECT_THAT(BoilerplateReason("Home / Speeches"), Optional(absl::string_view("navigation")));
  EXPECT_EQ(BoilerplateReason("Peace / War"), std::nullopt);
  // From the home page in the other languages the path readers know, with
  // the headline as the last step.
  EXPECT_THAT(BoilerplateReason("Startsida / Pressmeddelanden / Nya regler för fisket i Östersjön"),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(BoilerplateReason("Etusivu / Ajankohtaista / Tiedotteet"),
              Optional(absl::string_view("navigation")));
  // A headline or a name opening with the word: two steps.
  EXPECT_EQ(BoilerplateReason("Forside / bagside – ny udstilling om avisens historie"),
            std::nullopt);
  EXPECT_EQ(BoilerplateReason("Forside / Bagside"), std::nullopt);
  EXPECT_THAT(LateFurnitureReason("Fran\xC3\xA7"
                                  "ais"),
              Optional(absl::string_view("navigation")));
  EXPECT_THAT(LateFurnitureReason("\xD0\xA0\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9"),
              Optional(absl::string_view("navigation")));
  EXPECT_TRUE(NamesALanguageAlone("Deutsch"));
  EXPECT_FALSE(NamesALanguageAlone("Deutsch-französische Erklärung"));
  for (const char* notice : {"This archive is maintained for teaching and research purposes.",
                             "All content is available under the Open Government Licence v3.0"}) {
    EXPECT_THAT(BoilerplateReason(notice), Optional(absl::string_view("site"))) << notice;
  }
  EXPECT_THAT(LateFurnitureReason("Released on March 29, 2004"),
              Optional(absl::string_view("site")));
}

// A site's licence or reproduction notice, whatever the site.
TEST(Boilerplate, DropsLicenceAndReproductionNotices) {
  for (const char* line :
       {"Reproduction is permitted provided that the source is acknowledged.",
        "Todo o conteúdo deste site está publicado sob a licença Creative Commons "
        "Atribuição-SemDerivações 3.0 Não Adaptada.",
        "Content on this site is available under a Creative Commons Attribution 4.0 licence."}) {
    EXPECT_EQ(BoilerplateReason(line), "site") << line;
  }
}

// A cookie notice in any language, its banner's heading and buttons; a
// sentence about cookie rules is text.
TEST(Boilerplate, DropsCookieNotices) {
  for (const char* line :
       {"We use cookies to give you the best possible experience on our website.",
        "Este sitio web utiliza cookies propias y de terceros para mejorar la experiencia de "
        "navegación.",
        "Ce site utilise des cookies. En poursuivant votre navigation, vous acceptez leur "
        "utilisation.",
        "Este sítio utiliza cookies para melhorar a sua experiência de navegação.",
        "We'd like to set additional cookies to understand how you use GOV.UK, remember your "
        "settings and improve government services.",
        "We also use cookies set by other sites to help us deliver content from their services.",
        "Click \u2018Accept all cookies\u2019 to continue browsing the site", "Cookies on GOV.UK",
        "Accept additional cookies", "I do not accept the use of cookies",
        "Vi bruker informasjonskapsler (cookies) for å forbedre nettstedet.",
        "Vi använder kakor (cookies) för att webbplatsen ska fungera bra för dig.",
        "Używamy plików cookies, aby ułatwić korzystanie z serwisu.",
        "Na naszej stronie stosujemy pliki cookies, aby dostosować serwis do Twoich potrzeb.",
        "Tento web používá soubory cookie k poskytování služeb a analýze návštěvnosti.",
        "Koristimo kolačiće (cookies) kako bismo poboljšali vaše iskustvo."}) {
    EXPECT_EQ(BoilerplateReason(line), "site") << line;
  }
  // The same languages writing about cookie rules, or quoting a company.
  EXPECT_EQ(BoilerplateReason("„Používáme pouze nezbytné cookies,“ uvedl mluvčí úřadu."),
            std::nullopt);
  EXPECT_EQ(BoilerplateReason("Podle úřadu tento web ukládal do prohlížečů návštěvníků reklamní "
                              "cookies bez jejich souhlasu."),
            std::nullopt);
  EXPECT_EQ(BoilerplateReason("Tvrtka je u priopćenju navela: „Koristimo kolačiće (cookies) "
                              "isključivo za rad stranice.”"),
            std::nullopt);
  EXPECT_EQ(BoilerplateReason("Urząd nałożył karę na operatora za pliki cookies instalowane bez "
                              "zgody użytkowników."),
            std::nullopt);
  // A regulator's release about cookies: third persons, whole words.
  for (const char* line :
       {"The Commission proposed new rules on cookies and the confidentiality of electronic "
        "communications today.",
        "Fortune cookies were served at the reception for the delegates of the forum.",
        "Websites must not place advertising cookies on users' devices without their prior "
        "consent.",
        "Refusing cookies must be as easy as accepting them, the Authority said.",
        "The Authority's position on cookie walls is set out in its guidelines.",
        "CNIL fines Google over cookies", "Cookie walls: new guidance",
        "Google fined over cookie policy"}) {
    EXPECT_EQ(BoilerplateReason(line), std::nullopt) << line;
  }
}

// A newsletter box's blurb under its heading; a text's own mention of
// e-mail is text.
TEST(Boilerplate, DropsANewsletterBoxsBlurb) {
  for (const char* line :
       {"Get the latest news, reports and events from the Authority delivered to your inbox.",
        "Enter your email address to receive notifications of new posts by email.",
        "Our weekly digest, straight to your inbox every Friday."}) {
    EXPECT_TRUE(BoilerplateReason(line).has_value()) << line;
  }
  for (const char* line :
       {"Applicants may send their forms by email to the regional office before 30 June.",
        "Phishing: what to do when a scam lands in your inbox",
        "Savers should check their statements, which now arrive in your inbox each quarter.",
        "To apply, enter your e-mail address and the registration number of the vehicle.",
        "Your annual council tax bill can be delivered to your inbox instead of your letterbox.",
        "Voters must register an email address to receive updates when their polling station "
        "changes."}) {
    EXPECT_EQ(BoilerplateReason(line), std::nullopt) << line;
  }
}

// A line without a letter is the page's layout; text in another script
// than the Latin one is text, but for a language menu's item of a few
// words.
TEST(Boilerplate, TextInOtherScriptsIsNoLayout) {
  EXPECT_THAT(BoilerplateReason("* * * * *"), Optional(absl::string_view("layout")));
  EXPECT_THAT(BoilerplateReason("Русский"), Optional(absl::string_view("layout")));
  EXPECT_EQ(BoilerplateReason("Γνωρίζουμε ότι οι αγρότες της περιοχής πέρασαν μια πολύ δύσκολη "
                              "περίοδο."),
            std::nullopt);
  EXPECT_EQ(BoilerplateReason("Министр иностранных дел провёл переговоры с коллегой из Зенды."),
            std::nullopt);
  // Nor is a short line ending a sentence or a salutation, as no menu's
  // item does: a speech's thanks, its opening, a short sentence.
  for (const char* line :
       {"Благодарю вас за внимание.", "Σας ευχαριστώ πολύ.", "وشكرا.", "Слава Україні!",
        "السيد الرئيس،", "Κυρίες και κύριοι,", "Слідство триває.", "감사합니다."}) {
    EXPECT_EQ(BoilerplateReason(line), std::nullopt) << line;
  }
  EXPECT_THAT(BoilerplateReason("العربية"), Optional(absl::string_view("layout")));
  // A question, an ellipsis or a key and its value is a widget's, a link's
  // or a credit's (a review's counter-examples).
  for (const char* line : {"Нашли ошибку?", "Ещё...", "加载中...", "Фото: ТАСС.", "المزيد…",
                           "Фото пресс-службы Правительства."}) {
    EXPECT_THAT(BoilerplateReason(line), Optional(absl::string_view("layout"))) << line;
  }
  EXPECT_FALSE(IsPunctuationOnly("Ελλάδα"));
  EXPECT_TRUE(IsPunctuationOnly("— • —"));
}

// A cookie banner in another script borrows the word.
// A text on cookie rules in another script keeps its sentences: the site
// and the cookies are not the first words of a banner's.
TEST(Boilerplate, SentencesAboutCookiesInOtherScriptsAreText) {
  EXPECT_FALSE(BoilerplateReason("Роскомнадзор разъяснил правила использования файлов cookie на "
                                 "сайтах")
                   .has_value());
  EXPECT_FALSE(BoilerplateReason("Операторы сайтов обязаны уведомлять посетителей об "
                                 "использовании cookies и получать их согласие.")
                   .has_value());
}

TEST(Boilerplate, CookieBannersInOtherScriptsAreTheSites) {
  EXPECT_EQ(BoilerplateReason("Ο ιστότοπος χρησιμοποιεί cookies για τη βελτίωση της εμπειρίας "
                              "περιήγησής σας. Αποδοχή | Απόρριψη"),
            "site");
  EXPECT_EQ(BoilerplateReason("Сайт использует файлы cookie. Продолжая пользоваться сайтом, вы "
                              "соглашаетесь с этим."),
            "site");
}

}  // namespace
}  // namespace docsearch::ingest
