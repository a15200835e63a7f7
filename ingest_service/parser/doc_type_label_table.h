// The type labels the label readers (doc_type.cc) match, folded, with the
// type each names ("press statement", "communique de presse",
// "pressemitteilung", …). Data only, kept apart from doc_type.cc for its
// length. A header and not a .cc file because doc_type.cc checks the table
// (no label opens a later one, every label opens with two ASCII letters)
// and derives each label's words and openings at compile time, which needs
// the table in its translation unit. Included by doc_type.cc alone.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_DOC_TYPE_LABEL_TABLE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_DOC_TYPE_LABEL_TABLE_H_

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

// A label of the table and the type it names.
struct DocTypeLabel {
  // Folded (lower case, accents removed, ASCII quotes); letters lost in
  // transcoding ("dclaration") are listed as their own forms.
  absl::string_view folded;
  docsearch::v1::DocType type;
};

// Longer labels first: prefix matching takes the first hit.
inline constexpr DocTypeLabel kDocTypeLabels[] = {
    // A series name, like "Press Release": weak evidence of the type.
    {"communique de presse", v1::DOC_TYPE_PRESS_RELEASE},
    {"communiqu de presse", v1::DOC_TYPE_PRESS_RELEASE},
    {"press communique", v1::DOC_TYPE_PRESS_RELEASE},
    {"declaration du president", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    // The French chairman's summary: "Résumé du Président", "Résumé de la
    // présidence".
    {"resume du president", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"resume de la presidence", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"dclaration du prsident", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"declaration a la presse", v1::DOC_TYPE_PRESS_STATEMENT},
    {"dclaration la presse", v1::DOC_TYPE_PRESS_STATEMENT},
    {"declaration du sommet", v1::DOC_TYPE_DECLARATION},
    // The chair's own text, under each of the names a chair goes by.
    {"chairperson's summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chairperson's statement", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chairpersons summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chairman's summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chairman's statement", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chairmans summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chairmans statement", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chair's summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"chair's statement", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    // The conclusions a presidency draws of a meeting it chaired, in the
    // EU's and its parliaments' languages.
    {"presidency conclusions", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"conclusions of the presidency", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"conclusions de la presidence", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"conclusiones de la presidencia", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"schlussfolgerungen des vorsitzes", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"conclusioni della presidenza", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"statement to the press", v1::DOC_TYPE_PRESS_STATEMENT},
    {"statement by the chairperson", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"statement by the chairman", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"statement by the chair", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"summit communique", v1::DOC_TYPE_COMMUNIQUE},
    {"final communique", v1::DOC_TYPE_COMMUNIQUE},
    {"final communiqu", v1::DOC_TYPE_COMMUNIQUE},
    {"communique final", v1::DOC_TYPE_COMMUNIQUE},
    {"communiqu final", v1::DOC_TYPE_COMMUNIQUE},
    {"joint communique", v1::DOC_TYPE_COMMUNIQUE},
    {"communique conjoint", v1::DOC_TYPE_COMMUNIQUE},
    {"declaration conjointe", v1::DOC_TYPE_PRESS_STATEMENT},
    {"press statement", v1::DOC_TYPE_PRESS_STATEMENT},
    {"media statement", v1::DOC_TYPE_PRESS_STATEMENT},
    {"joint statement", v1::DOC_TYPE_PRESS_STATEMENT},
    // A declaration made jointly is still a declaration, in English and in
    // the languages below (a French "Déclaration" is a statement: Refine).
    {"joint declaration", v1::DOC_TYPE_DECLARATION},
    {"opening remarks", v1::DOC_TYPE_SPEECH},
    {"opening statement", v1::DOC_TYPE_SPEECH},
    {"keynote speech", v1::DOC_TYPE_SPEECH},
    {"press release", v1::DOC_TYPE_PRESS_RELEASE},
    {"news release", v1::DOC_TYPE_PRESS_RELEASE},
    // The British government's older name for its press releases.
    {"press notice", v1::DOC_TYPE_PRESS_RELEASE},
    {"news story", v1::DOC_TYPE_PRESS_RELEASE},
    {"media release", v1::DOC_TYPE_PRESS_RELEASE},
    {"nato update", v1::DOC_TYPE_UPDATE},
    {"news item", v1::DOC_TYPE_UPDATE},
    {"statement", v1::DOC_TYPE_PRESS_STATEMENT},
    // A spokesperson's account of a call or a meeting, issued as a statement.
    {"readout", v1::DOC_TYPE_PRESS_STATEMENT},
    // A government's "Release" kicker above the headline.
    {"release", v1::DOC_TYPE_PRESS_RELEASE},
    {"declaration", v1::DOC_TYPE_PRESS_STATEMENT},  // French "Déclaration"; see below.
    {"dclaration", v1::DOC_TYPE_PRESS_STATEMENT},
    {"communique", v1::DOC_TYPE_COMMUNIQUE},
    {"summary", v1::DOC_TYPE_CHAIRMANS_SUMMARY},
    {"speech", v1::DOC_TYPE_SPEECH},
    // Labels of kinds the enum does not name: DOC_TYPE_OTHER, label kept raw.
    {"joint press conference", v1::DOC_TYPE_OTHER},
    {"press conference", v1::DOC_TYPE_OTHER},
    {"press briefing", v1::DOC_TYPE_OTHER},
    {"fact sheet", v1::DOC_TYPE_OTHER},
    {"background note", v1::DOC_TYPE_OTHER},
    {"interview", v1::DOC_TYPE_OTHER},
    {"transcript", v1::DOC_TYPE_OTHER},
    {"conference de presse", v1::DOC_TYPE_OTHER},
    {"point de presse", v1::DOC_TYPE_OTHER},
    {"entretien", v1::DOC_TYPE_OTHER},
    {"discours", v1::DOC_TYPE_SPEECH},
    {"allocution", v1::DOC_TYPE_SPEECH},
    // The same kinds printed in German, Spanish and Italian (dictionary
    // words, longer first as above). "Erklärung", "Declaración" and
    // "Dichiarazione" are the declaration of their language, made jointly
    // or not.
    {"gemeinsame presseerklarung", v1::DOC_TYPE_PRESS_STATEMENT},
    {"gemeinsame erklarung", v1::DOC_TYPE_DECLARATION},
    {"presseerklarung", v1::DOC_TYPE_PRESS_STATEMENT},
    {"pressemitteilung", v1::DOC_TYPE_PRESS_RELEASE},
    // Austrian and Swiss wordings of the press release.
    {"presseaussendung", v1::DOC_TYPE_PRESS_RELEASE},
    {"presseinformation", v1::DOC_TYPE_PRESS_RELEASE},
    {"medienmitteilung", v1::DOC_TYPE_PRESS_RELEASE},
    // A central bank's and a German ministry's other wordings.
    {"pressenotiz", v1::DOC_TYPE_PRESS_RELEASE},
    // The press services of Vienna's city hall and Austria's parliament.
    {"rathauskorrespondenz", v1::DOC_TYPE_PRESS_RELEASE},
    {"parlamentskorrespondenz", v1::DOC_TYPE_PRESS_RELEASE},
    {"pressemeldung", v1::DOC_TYPE_PRESS_RELEASE},
    {"abschlusskommunique", v1::DOC_TYPE_COMMUNIQUE},
    {"gipfelerklarung", v1::DOC_TYPE_DECLARATION},
    {"erklarung", v1::DOC_TYPE_DECLARATION},
    {"kommunique", v1::DOC_TYPE_COMMUNIQUE},
    {"pressekonferenz", v1::DOC_TYPE_OTHER},
    {"ansprache", v1::DOC_TYPE_SPEECH},
    {"rede", v1::DOC_TYPE_SPEECH},
    {"comunicado de prensa", v1::DOC_TYPE_PRESS_RELEASE},
    {"nota de prensa", v1::DOC_TYPE_PRESS_RELEASE},
    {"declaracion conjunta", v1::DOC_TYPE_DECLARATION},
    {"comunicado conjunto", v1::DOC_TYPE_COMMUNIQUE},
    {"comunicado final", v1::DOC_TYPE_COMMUNIQUE},
    {"conferencia de prensa", v1::DOC_TYPE_OTHER},
    {"rueda de prensa", v1::DOC_TYPE_OTHER},
    {"declaracion", v1::DOC_TYPE_DECLARATION},
    {"comunicado de imprensa", v1::DOC_TYPE_PRESS_RELEASE},  // Portuguese, before "comunicado"
    {"comunicado", v1::DOC_TYPE_PRESS_RELEASE},
    {"discurso", v1::DOC_TYPE_SPEECH},
    {"comunicato stampa", v1::DOC_TYPE_PRESS_RELEASE},
    {"dichiarazione congiunta", v1::DOC_TYPE_DECLARATION},
    {"comunicato congiunto", v1::DOC_TYPE_COMMUNIQUE},
    {"comunicato finale", v1::DOC_TYPE_COMMUNIQUE},
    {"conferenza stampa", v1::DOC_TYPE_OTHER},
    {"dichiarazione", v1::DOC_TYPE_DECLARATION},
    {"discorso", v1::DOC_TYPE_SPEECH},
    // Portuguese and Dutch.
    {"nota a imprensa", v1::DOC_TYPE_PRESS_RELEASE},
    {"nota a comunicacao social", v1::DOC_TYPE_PRESS_RELEASE},
    {"nota de imprensa", v1::DOC_TYPE_PRESS_RELEASE},
    {"declaracao conjunta", v1::DOC_TYPE_DECLARATION},
    {"declaracao", v1::DOC_TYPE_DECLARATION},
    {"gezamenlijke verklaring", v1::DOC_TYPE_DECLARATION},
    {"persbericht", v1::DOC_TYPE_PRESS_RELEASE},
    {"nieuwsbericht", v1::DOC_TYPE_UPDATE},
    {"toespraak", v1::DOC_TYPE_SPEECH},
    // Swedish, Norwegian, Danish, Finnish.
    {"pressmeddelande", v1::DOC_TYPE_PRESS_RELEASE},
    {"pressemelding", v1::DOC_TYPE_PRESS_RELEASE},
    {"pressemeddelelse", v1::DOC_TYPE_PRESS_RELEASE},
    {"lehdistotiedote", v1::DOC_TYPE_PRESS_RELEASE},
    {"tiedote", v1::DOC_TYPE_PRESS_RELEASE},
    {"gemensamt uttalande", v1::DOC_TYPE_PRESS_STATEMENT},
    {"felles uttalelse", v1::DOC_TYPE_PRESS_STATEMENT},
    {"uttalande", v1::DOC_TYPE_PRESS_STATEMENT},
    {"uttalelse", v1::DOC_TYPE_PRESS_STATEMENT},
    {"udtalelse", v1::DOC_TYPE_PRESS_STATEMENT},
    // Polish, Czech, Romanian ("comunicat" before "comunicato" is no
    // prefix of it: labels match whole words).
    {"komunikat prasowy", v1::DOC_TYPE_PRESS_RELEASE},
    {"wspolne oswiadczenie", v1::DOC_TYPE_PRESS_STATEMENT},
    {"oswiadczenie", v1::DOC_TYPE_PRESS_STATEMENT},
    {"komunikat", v1::DOC_TYPE_PRESS_RELEASE},
    {"przemowienie", v1::DOC_TYPE_SPEECH},
    {"tiskova zprava", v1::DOC_TYPE_PRESS_RELEASE},
    {"prohlaseni", v1::DOC_TYPE_PRESS_STATEMENT},
    {"comunicat de presa", v1::DOC_TYPE_PRESS_RELEASE},
    {"comunicat comun", v1::DOC_TYPE_COMMUNIQUE},
    {"declaratie comuna", v1::DOC_TYPE_DECLARATION},
    {"declaratie de presa", v1::DOC_TYPE_PRESS_STATEMENT},
    {"comunicat", v1::DOC_TYPE_PRESS_RELEASE},
    {"discurs", v1::DOC_TYPE_SPEECH},
    // Turkish, with and without its dotless i (which folding keeps).
    {"basin aciklamasi", v1::DOC_TYPE_PRESS_RELEASE},
    {"bas\xC4\xB1n ac\xC4\xB1klamas\xC4\xB1", v1::DOC_TYPE_PRESS_RELEASE},
    {"ortak aciklama", v1::DOC_TYPE_PRESS_STATEMENT},
    {"ortak ac\xC4\xB1klama", v1::DOC_TYPE_PRESS_STATEMENT},
    // Indonesian and Malay.
    {"siaran pers", v1::DOC_TYPE_PRESS_RELEASE},
    {"kenyataan akhbar", v1::DOC_TYPE_PRESS_RELEASE},
};

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_DOC_TYPE_LABEL_TABLE_H_
