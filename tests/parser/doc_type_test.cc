// Printed type labels and titles naming a type, in the languages the
// archive's bodies publish in. Labels written for the test.
#include "ingest_service/parser/doc_type.h"

#include <optional>
#include <string>

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

TEST(DocType, LabelsInGermanSpanishAndItalian) {
  EXPECT_EQ(DocTypeFromLabelLine("Pressemitteilung"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Gemeinsame Erklärung"), v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromLabelLine("Erklärung"), v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromLabelLine("Rede"), v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromLabelLine("Comunicado de prensa"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Comunicado final"), v1::DOC_TYPE_COMMUNIQUE);
  EXPECT_EQ(DocTypeFromLabelLine("Declaración"), v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromLabelLine("Comunicato stampa"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Conferenza stampa"), v1::DOC_TYPE_OTHER);
  EXPECT_EQ(DocTypeFromLabelLine("Dichiarazione"), v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromLabelLine("Reden und Interviews aus dem Archiv"), std::nullopt);
}

// A label is read through the furniture printed around it, in any case;
// a line opening with other words holds none.
TEST(DocType, LabelsBehindFurnitureAndOtherOpenings) {
  EXPECT_EQ(DocTypeFromLabelLine("| PRESS RELEASE |"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine(" - * Final Communiqué."), v1::DOC_TYPE_COMMUNIQUE);
  EXPECT_EQ(DocTypeFromLabelLine("\xE2\x80\xA2 Statement"), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromLabelLine("Dclaration"), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromLabelLine("The Statement"), std::nullopt);
  EXPECT_EQ(DocTypeFromLabelLine("| Home | Press Release"), std::nullopt);
  EXPECT_EQ(DocTypeFromLabelLine("S"), std::nullopt);

  const std::optional<LeadingLabel> fused =
      DocTypeLabelPrefix("  Statement Meeting of the Council");
  ASSERT_TRUE(fused.has_value());
  EXPECT_EQ(fused->type, v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(fused->length, 9u);
  const std::optional<LeadingLabel> upper = DocTypeLabelPrefix("PRESS RELEASE Kosovo talks");
  ASSERT_TRUE(upper.has_value());
  EXPECT_EQ(upper->type, v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeLabelPrefix("Meeting of the Council Statement"), std::nullopt);
  EXPECT_EQ(DocTypeLabelPrefix("(Statement) Meeting of the Council"), std::nullopt);
}

TEST(DocType, TitlesOpeningWithADeclarationInOtherLanguages) {
  EXPECT_EQ(DocTypeFromTitle("Erklärung der Außenminister zur Lage in der Region"),
            v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromTitle("Declaración de los Ministros sobre la región"),
            v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromTitle("Dichiarazione dei Ministri sulla regione"), v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromTitle("Declaração de Lisboa sobre Segurança Alimentar"),
            v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromTitle("Erklärungen zum Datenschutz"), std::nullopt);
}

TEST(DocType, TitlesOpeningWithAStatementInOtherLanguages) {
  EXPECT_EQ(DocTypeFromTitle("Wspólne oświadczenie ministrów spraw zagranicznych Polski i Litwy"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromTitle("Gezamenlijke verklaring van Nederland en België over de Noordzee"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromTitle("Společné prohlášení předsedů vlád V4"), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromTitle("Gemensamt uttalande från de nordiska utrikesministrarna"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  // The word for "statement" alone opens other kinds of statements and
  // headlines about one.
  EXPECT_EQ(DocTypeFromTitle("Prohlášení o přístupnosti"), std::nullopt);
  EXPECT_EQ(DocTypeFromTitle("Oświadczenie majątkowe – jak je wypełnić"), std::nullopt);
  EXPECT_EQ(DocTypeFromTitle("Izjava o zaštiti privatnosti"), std::nullopt);
  EXPECT_EQ(DocTypeFromTitle("Verklaring van erfrecht aanvragen"), std::nullopt);
  EXPECT_EQ(DocTypeFromTitle("Prohlášení prezidenta k důchodové reformě vyvolalo kritiku"),
            std::nullopt);
  // Folding keeps "æ" and "ı"; a headline about a joint statement goes on
  // past a dash.
  EXPECT_EQ(DocTypeFromTitle("Fælles erklæring fra de nordiske statsministre"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromTitle("Ortak açıklama: Türkiye ve Azerbaycan"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromTitle("Gemensamt uttalande om Ukraina undertecknat av 40 länder – men "
                             "Ungern står utanför"),
            std::nullopt);
}

// A type named anywhere in a title, however the accent of "Communiqué" was
// kept or lost, and only that: near words name no type.
TEST(DocType, TypesNamedInsideATitle) {
  for (const char* title : {"Meeting of the North Atlantic Council: Final Communiqué",
                            "Meeting of the North Atlantic Council: Final Communiqu",
                            "Réunion ministérielle - Communiqué final du Conseil",
                            "Réunion ministérielle - Communiqu final du Conseil",
                            "Réunion ministérielle - Communique final du Conseil"}) {
    EXPECT_EQ(DocTypeFromTitle(title), v1::DOC_TYPE_COMMUNIQUE) << title;
  }
  for (const char* title : {"NAC Chairman's Summary of the Meeting", "Meeting: Chair's summary",
                            "Meeting of the Council - Chairman's Statement",
                            "Meeting of the Council - Chairmans summary"}) {
    EXPECT_EQ(DocTypeFromTitle(title), v1::DOC_TYPE_CHAIRMANS_SUMMARY) << title;
  }
  for (const char* title :
       {"Meeting on the final communication plan", "Communiqués of the final years",
        "Meeting with the chairman on the summary", "Chairs' summary of the week",
        "Meeting of the Council: communique, final text"}) {
    EXPECT_EQ(DocTypeFromTitle(title), std::nullopt) << title;
  }
}

TEST(DocType, EnglishDeclarationByOrOfIsADeclaration) {
  EXPECT_EQ(DocTypeFromTitle("Declaration by the Foreign Ministers (2 Apr. 20)"),
            v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromTitle("Declaration of the Council on the Role of the Union"),
            v1::DOC_TYPE_DECLARATION);
  // French: a statement, by the existing rule.
  EXPECT_EQ(DocTypeFromTitle("Déclaration du Secrétaire général"), v1::DOC_TYPE_PRESS_STATEMENT);
}

TEST(DocType, SectionsAndReferencesOfPressReleaseSeries) {
  EXPECT_EQ(DocTypeFromSection("KFOR Press Releases"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromReference("PR# 2008-159"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromReference("10189/04 (Presse 195)"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromReference("M-NAC-2(92)106"), std::nullopt);
  EXPECT_EQ(DocTypeFromReference("PRAGUE-1"), std::nullopt);
  EXPECT_EQ(DocTypeFromReference(""), std::nullopt);
}

TEST(DocType, AnOpeningParagraphAnnouncingAStatement) {
  EXPECT_EQ(DocTypeFromAnnouncement("CITY, Country (May 2, 2011) - The following is a statement by "
                                    "the commander on the handover."),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromAnnouncement("The following joint statement was issued today by the two "
                                    "ministers."),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromAnnouncement("The minister made a statement on the following points."),
            std::nullopt);
}

// A scrape that lost the space between a label and its headline
// ("Press StatementMeeting of …") still shows the label: it ends where a
// capital follows a lower-case letter, if what is before is a label.
TEST(DocType, LabelsGluedToTheHeadlineAfterThem) {
  const std::optional<LeadingLabel> glued =
      DocTypeLabelPrefix("Press StatementMeeting of the Euro-Atlantic Partnership Council");
  ASSERT_TRUE(glued.has_value());
  EXPECT_EQ(glued->type, v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(glued->length, std::string("Press Statement").size());
  const std::optional<LeadingLabel> accented = DocTypeLabelPrefix(
      "Final Communiqu\xC3\xA9"
      "Ministerial Meeting in Brussels");
  ASSERT_TRUE(accented.has_value());
  EXPECT_EQ(accented->type, v1::DOC_TYPE_COMMUNIQUE);
  EXPECT_EQ(accented->length, std::string("Final Communiqu\xC3\xA9").size());
  // Capitals inside a word that is no label, or after a label's first
  // word only, are no label's end.
  EXPECT_EQ(DocTypeLabelPrefix("McDonald Statement on the talks"), std::nullopt);
  EXPECT_EQ(DocTypeLabelPrefix("PressOffice of the Council"), std::nullopt);
  // A headline opening with a label of two words keeps both: the label's
  // first word is not a label before the capitalized second.
  EXPECT_EQ(DocTypeLabelPrefix("Declaración Conjunta de los Ministros de Chile y Uruguay"),
            std::nullopt);
  const std::optional<LeadingLabel> portuguese =
      DocTypeLabelPrefix("COMUNICADO DE IMPRENSA Visita do Ministro");
  ASSERT_TRUE(portuguese.has_value());
  EXPECT_EQ(portuguese->length, std::string("COMUNICADO DE IMPRENSA").size());
  const std::optional<LeadingLabel> whole =
      DocTypeLabelPrefix("Declaración Conjunta Chile-Uruguay sobre la Antártida");
  ASSERT_TRUE(whole.has_value());
  EXPECT_EQ(whole->length, std::string("Declaración Conjunta").size());
}

// A chair's own text, whatever the chair is called, and labels in the
// wordings other sites print.
TEST(DocType, ChairsSummariesAndOtherWordings) {
  EXPECT_EQ(DocTypeFromLabelLine("Chairperson's Summary"), v1::DOC_TYPE_CHAIRMANS_SUMMARY);
  EXPECT_EQ(DocTypeFromLabelLine("CHAIR'S STATEMENT"), v1::DOC_TYPE_CHAIRMANS_SUMMARY);
  EXPECT_EQ(DocTypeFromTitle("Chairperson's Statement on the Ministerial Council"),
            v1::DOC_TYPE_CHAIRMANS_SUMMARY);
  EXPECT_EQ(DocTypeFromTitle("OSCE Chairperson's Summary of the Vienna meeting"),
            v1::DOC_TYPE_CHAIRMANS_SUMMARY);
  EXPECT_EQ(DocTypeFromLabelLine("R\xC3\xA9sum\xC3\xA9 du Pr\xC3\xA9sident"),
            v1::DOC_TYPE_CHAIRMANS_SUMMARY);
  EXPECT_EQ(DocTypeFromTitle("R\xC3\x89SUM\xC3\x89 DU PR\xC3\x89SIDENT DE LA R\xC3\x89UNION DU "
                             "CONSEIL DE PARTENARIAT EURO-ATLANTIQUE"),
            v1::DOC_TYPE_CHAIRMANS_SUMMARY);
  EXPECT_EQ(DocTypeFromLabelLine("News story"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("D\xC3\xA9"
                                 "claration conjointe"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromTitle("D\xC3\xA9"
                             "claration conjointe du Pr\xC3\xA9sident et du Chancelier"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromTitle("Communiqu\xC3\xA9 conjoint des ministres"), v1::DOC_TYPE_COMMUNIQUE);
}

// A label followed by the text's number in its series is still the label;
// followed by anything else it is a line of its own.
TEST(DocType, LabelsNumberedInTheirSeries) {
  EXPECT_EQ(DocTypeFromLabelLine("Comunicado 112"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("PRESS RELEASE 045/2019"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Statement 7"), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromLabelLine("Pressemitteilung Nr. 245"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Media release"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Statement 7 members"), std::nullopt);
  EXPECT_EQ(DocTypeFromLabelLine("Comunicado Kosovo"), std::nullopt);
  EXPECT_EQ(DocTypeFromLabelLine("Taken Statement 12"), std::nullopt);
  // A reference with letters after its number, and the signs before it.
  EXPECT_EQ(DocTypeFromLabelLine("Press Release No: 2012/456/SAR"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("NOTA À IMPRENSA Nº 312"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Comunicado N°: 215/21"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Press Release No: Kosovo"), std::nullopt);
  EXPECT_EQ(DocTypeFromLabelLine("Press Release No: A2012"), std::nullopt);
  // "Release" alone is a kicker; numbered as an agency numbers its
  // releases it is a label, numbered as a version it is not.
  EXPECT_EQ(DocTypeFromLabelLine("RELEASE 24-031"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Release 2.0"), std::nullopt);
  EXPECT_EQ(DocTypeFromLabelLine("Release 3"), std::nullopt);
}

// A French declaration named after where it was made, and one named after
// who made it.
TEST(DocType, AFrenchDeclarationNamedAfterAPlace) {
  EXPECT_EQ(DocTypeFromTitle("Déclaration de Paris des villes hôtes des Jeux"),
            v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromTitle("Déclaration de Bruxelles"), v1::DOC_TYPE_DECLARATION);
  EXPECT_NE(DocTypeFromTitle("Déclaration de Laurent Fabius"), v1::DOC_TYPE_DECLARATION);
  EXPECT_NE(DocTypeFromTitle("Déclaration de Parisot sur le budget"), v1::DOC_TYPE_DECLARATION);
}

// The conclusions a presidency draws of the meeting it chaired.
TEST(DocType, PresidencyConclusionsAreTheChairsSummary) {
  EXPECT_EQ(DocTypeFromLabelLine("Conclusiones de la Presidencia"), v1::DOC_TYPE_CHAIRMANS_SUMMARY);
  EXPECT_EQ(DocTypeFromLabelLine("Presidency Conclusions"), v1::DOC_TYPE_CHAIRMANS_SUMMARY);
  EXPECT_EQ(DocTypeFromLabelLine("Conclusions de la Présidence"), v1::DOC_TYPE_CHAIRMANS_SUMMARY);
  // The British government's older name for a press release, and a
  // spokesperson's readout of a call.
  EXPECT_EQ(DocTypeFromLabelLine("PRESS NOTICE"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Readout"), v1::DOC_TYPE_PRESS_STATEMENT);
}

// A section's name is the whole line, in the parser's languages; a mixed
// section, or a longer line holding the name, names no type.
TEST(DocType, SectionNamesAloneOnTheirLine) {
  EXPECT_EQ(DocTypeFromSectionName("News"), v1::DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromSectionName("  Actualités :"), v1::DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromSectionName("SPEECHES"), v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromSectionName("Discorsi"), v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromSectionName("Communiqués de presse"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromSectionName("Pressemitteilungen |"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromSectionName("Notas de prensa"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromSectionName("Statements"), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromSectionName("Press Notices"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromSectionName("Readouts"), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromSectionName("Déclarations"), v1::DOC_TYPE_PRESS_STATEMENT);
  // An archive is read only as a breadcrumb's step (breadcrumb_section_test).
  EXPECT_EQ(DocTypeFromSectionName("Speeches archive"), std::nullopt);
  EXPECT_EQ(DocTypeFromSectionName("Newsroom"), std::nullopt);
  EXPECT_EQ(DocTypeFromSectionName("Press room"), std::nullopt);
  EXPECT_EQ(DocTypeFromSectionName("News from the field"), std::nullopt);
  EXPECT_EQ(DocTypeFromSectionName("Opinions & speeches"), std::nullopt);
}

// Labels as Austrian, Swiss, Portuguese and Dutch sites print them.
TEST(DocType, LabelsInMoreWordings) {
  EXPECT_EQ(DocTypeFromLabelLine("Presseaussendung"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Medienmitteilung"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Nota à imprensa"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Declaração conjunta"), v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromLabelLine("Persbericht"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Nieuwsbericht"), v1::DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromLabelLine("Toespraak"), v1::DOC_TYPE_SPEECH);
}

// A declaration made jointly is a declaration in every language but French,
// whose "Déclaration" is a statement; a statement made jointly is one.
TEST(DocType, JointDeclarationsAreDeclarations) {
  for (const char* label :
       {"Joint Declaration", "Declaración conjunta", "Dichiarazione congiunta",
        "Gemeinsame Erklärung", "Declaração conjunta", "Gezamenlijke verklaring"}) {
    EXPECT_EQ(DocTypeFromLabelLine(label), v1::DOC_TYPE_DECLARATION) << label;
  }
  EXPECT_EQ(DocTypeFromLabelLine("Déclaration conjointe"), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromLabelLine("Joint Statement"), v1::DOC_TYPE_PRESS_STATEMENT);
}

// Labels of governments' news pages: a media statement, a "Release" kicker.
TEST(DocType, MediaStatementsAndReleaseKickers) {
  EXPECT_EQ(DocTypeFromLabelLine("Media Statement"), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromLabelLine("Release"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Releases"), std::nullopt);
  // Opening a longer line, "Release" is a word of the headline.
  EXPECT_EQ(DocTypeLabelPrefix("Release Date Set For New Budget"), std::nullopt);
  EXPECT_EQ(DocTypeFromLabelLine("Release 2.0"), std::nullopt);
  EXPECT_EQ(DocTypeFromLabelLine("Release No. 0245.21"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Rede 3D"), std::nullopt);
}

// The document's type from its chosen title: a type named before a colon
// behind the issuer's short name, or a joint text named anywhere.
TEST(DocType, TitlesNamingTheirTypeBeforeAColonOrJointly) {
  EXPECT_EQ(DocTypeFromTitleWording("MFA Press Statement: Visit of the Minister to Indonesia"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromTitleWording("Communiqué du Conseil des ministres du mercredi 6 mars 2024"),
            v1::DOC_TYPE_COMMUNIQUE);
  EXPECT_EQ(DocTypeFromTitleWording("Comunicado do Conselho de Ministros"),
            v1::DOC_TYPE_COMMUNIQUE);
  EXPECT_EQ(DocTypeFromTitleWording("Chair's Summary: P4G Copenhagen Summit 2018"),
            v1::DOC_TYPE_CHAIRMANS_SUMMARY);
  EXPECT_EQ(
      DocTypeFromTitleWording("India-Mozambique Joint Statement during the visit of the Prime "
                              "Minister"),
      v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(
      DocTypeFromTitleWording("Joint Declaration of the Foreign Ministers of the Lublin Triangle"),
      v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromTitleWording(
                "Belarus: Statement by the Spokesperson on the detention of the council"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromTitleWording(
                "IAEA Director General's Introductory Statement to the Board of Governors"),
            v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromTitleWording("The Minister's Address to the Nation"), v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromTitleWording("The President's addresses are online"), std::nullopt);
  EXPECT_EQ(DocTypeFromTitleWording("Tax reform: statement deadline moved to September"),
            std::nullopt);
  // Headlines that only use the words, in Title Case too.
  for (const char* title :
       {"Tax Reform: Statement Deadline Moved to September", "Q&A: Statements of account explained",
        "The Minister's remarks at the summit drew criticism",
        "EU condemns Russia's Intervention of 2014 in Crimea",
        "Ministers fail to agree a joint statement on trade", "Release Date Set For New Budget",
        "Ministers Fail To Agree A Joint Statement On Trade", "Budget 2024: Summary of Measures",
        "Brexit: Statement of Changes to the Immigration Rules",
        "Saude: Rede de Hospitais Amplia Atendimento"}) {
    EXPECT_EQ(DocTypeFromTitleWording(title), std::nullopt) << title;
  }
  EXPECT_EQ(DocTypeFromTitleWording("Ukraine: Joint Communiqu of the Ministers"),
            v1::DOC_TYPE_COMMUNIQUE);
  // Too many words before the label to be an issuer's name, or no label.
  EXPECT_EQ(
      DocTypeFromTitleWording("Ministers discuss the draft of the press statement: next steps"),
      std::nullopt);
  EXPECT_EQ(DocTypeFromTitleWording("Ukraine: humanitarian aid increased"), std::nullopt);
  // Not a line feature: the title ranker does not see these wordings.
  EXPECT_EQ(DocTypeFromTitle("MFA Press Statement: Visit of the Minister to Indonesia"),
            std::nullopt);
}

// A body's press statement named as printed inside the title; a news
// phrase about one is not.
TEST(DocType, APressStatementNamedInTheTitle) {
  EXPECT_EQ(DocTypeFromTitleWording("Security Council Press Statement on Attack against "
                                    "Peacekeepers in Mali"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromTitleWording("Ministers Fail To Agree A Press Statement On Trade"),
            std::nullopt);
}

// A copy's headline naming the text it reproduces.
TEST(DocType, AFullTextOfTheKindItReproduces) {
  EXPECT_EQ(DocTypeFromTitleWording(
                "Full text of joint communique of 11th meeting of foreign ministers of Ruritania"),
            v1::DOC_TYPE_COMMUNIQUE);
  EXPECT_EQ(DocTypeFromTitleWording("Texte intégral du communiqué final du sommet de Strelsau"),
            v1::DOC_TYPE_COMMUNIQUE);
  EXPECT_EQ(DocTypeFromTitleWording("Full text of Ruritania's new trade law published"),
            std::nullopt);
}

// Transcripts of questions and answers named by their occasion, a UN
// transcript named by its speaker in lowercase, and a cabinet's
// communiqué named by the body.
TEST(DocType, TranscriptsAndCabinetCommuniquesNamedInTheTitle) {
  EXPECT_EQ(DocTypeFromTitleWording("Press Conference by Press Secretary KATO Ren"),
            v1::DOC_TYPE_OTHER);
  EXPECT_EQ(DocTypeFromTitleWording("Joint press conference with the Prime Minister of Ruritania"),
            v1::DOC_TYPE_OTHER);
  EXPECT_EQ(DocTypeFromTitleWording("Press conferences cancelled as the summit ends early"),
            std::nullopt);
  EXPECT_EQ(DocTypeFromTitleWording(
                "Secretary-General's remarks to the press on the situation in Ruritania"),
            v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromTitleWording("Critics say the Minister's remarks to the press misled"),
            std::nullopt);
  EXPECT_EQ(DocTypeFromTitleWording("Minister's remarks on pensions draw criticism"), std::nullopt);
  EXPECT_EQ(DocTypeFromTitleWording("Comunicado do Conselho de Ministros de 2 de abril de 2020"),
            v1::DOC_TYPE_COMMUNIQUE);
  EXPECT_EQ(DocTypeFromTitleWording("Comunicado del Consejo de Ministros"),
            v1::DOC_TYPE_COMMUNIQUE);
}

// A label after a topic and a colon, printed in lower case as Italian,
// Spanish and French sites print it, with who made it; the series names
// of other languages; a central bank's "Pressenotiz".
TEST(DocType, LowercaseLabelsAfterAColonAndMoreSeries) {
  EXPECT_EQ(DocTypeFromTitleWording("Myanmar: dichiarazione dell'alta rappresentante a nome "
                                    "dell'UE in occasione dell'anniversario"),
            v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromTitleWording("Siria: dichiarazione del portavoce sugli ultimi sviluppi"),
            v1::DOC_TYPE_DECLARATION);
  EXPECT_EQ(DocTypeFromTitleWording("Tax reform: statement deadline moved to September"),
            std::nullopt);
  EXPECT_TRUE(IsSeriesName("Comunicato stampa"));
  EXPECT_TRUE(IsSeriesName("Pressemitteilung"));
  EXPECT_FALSE(IsSeriesName("Dichiarazione"));
  EXPECT_EQ(DocTypeFromLabelLine("Pressenotiz"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Nota à Comunicação Social"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromLabelLine("Comunicado de Prensa 182/2019"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromSectionName("Pressenotizen"), v1::DOC_TYPE_PRESS_RELEASE);
}

// An agency's copy named as the full text of a speech in Portuguese,
// Spanish or with its speaker's possessive; Turkish names the kind last;
// a label closed in brackets after the headline; news of a joint
// statement an agency carries.
TEST(DocType, AgenciesCopiesAndTurkishTitles) {
  EXPECT_EQ(DocTypeFromTitleWording("Íntegra do discurso do Presidente da República na abertura"),
            v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromTitleWording("Texto íntegro del discurso del primer ministro en la feria"),
            v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromTitleWording("Full text of President Kim's speech at the ceremony"),
            v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromTitleWording("Full text of Ruritania's new trade law published"),
            std::nullopt);
  EXPECT_EQ(DocTypeFromTitleWording(
                "Dışişleri Bakanlığından Srebrenitsa soykırımının yıl dönümü dolayısıyla açıklama"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromTitleWording("Anahtar Teslim Töreninde Yaptıkları Konuşma"),
            v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromTitleWording(
                "SM le Roi préside une séance de travail sur l'eau (communiqué du Cabinet Royal)"),
            v1::DOC_TYPE_COMMUNIQUE);
  EXPECT_EQ(DocTypeFromTitleWording("Minister opens the new bridge (photos)"), std::nullopt);
  EXPECT_EQ(DocTypeFromTitleWording("Ruritania, Zenda issue joint statement on partnership"),
            v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(DocTypeFromSectionName("Konuşmalar"), v1::DOC_TYPE_SPEECH);
}

TEST(DocType, MoreSectionNames) {
  EXPECT_EQ(DocTypeFromSectionName("Press Announcements"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromSectionName("NEWS ITEMS"), v1::DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromSectionName("Notas à Imprensa"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromSectionName("Press conferences"), v1::DOC_TYPE_OTHER);
  EXPECT_EQ(DocTypeFromSectionName("Press and media"), std::nullopt);
}

}  // namespace
}  // namespace docsearch::ingest
