// DocTypeFromTitle (doc_type.h): the type a title implies by its wording
// ("Statement by …", "… Summit Communiqué", "Déclaration de Bruxelles").
// Apart from the label readers (doc_type.cc) because it reads no label
// table; a speech's openings it shares with them (doc_type_labels.h).
#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/doc_type_labels.h"
#include "ingest_service/parser/entity_tables.h"
#include "ingest_service/parser/line_shape.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::DocType;

// "final communiqu", "communique final" or "communiqu final" anywhere in
// `folded`: each holds "communiqu", so only the places of that word are
// looked around (a title can be a whole one-line text).
bool NamesFinalCommunique(absl::string_view folded) {
  constexpr absl::string_view kWord = "communiqu";
  for (size_t at = folded.find(kWord); at != absl::string_view::npos;
       at = folded.find(kWord, at + 1)) {
    if (absl::EndsWith(folded.substr(0, at), "final ")) return true;
    const absl::string_view after = folded.substr(at + kWord.size());
    if (absl::StartsWith(after, "e final") || absl::StartsWith(after, " final")) return true;
  }
  return false;
}

// "chairman's summary", "chair's summary", "chairman's statement",
// "chairmans summary" or the same with "chairperson" anywhere in `folded`,
// looked for where "chair" is.
bool NamesChairmansSummary(absl::string_view folded) {
  constexpr absl::string_view kWord = "chair";
  for (size_t at = folded.find(kWord); at != absl::string_view::npos;
       at = folded.find(kWord, at + 1)) {
    const absl::string_view after = folded.substr(at + kWord.size());
    for (absl::string_view rest :
         {"man's summary", "'s summary", "man's statement", "mans summary", "person's summary",
          "person's statement", "persons summary", "'s statement"}) {
      if (absl::StartsWith(after, rest)) return true;
    }
  }
  return false;
}

// "Déclaration de Paris des villes hôtes …", "Déclaration de Bruxelles":
// a French declaration named after the place where it was made is a
// declaration, where "Déclaration de Laurent Fabius" is a statement. Only
// the places the entity tables know.
bool NamesDeclarationAfterPlace(absl::string_view folded) {
  absl::string_view rest = folded;
  if (!absl::ConsumePrefix(&rest, "declaration de ")) return false;
  auto opens_with = [&](absl::string_view name) {
    const std::string place = absl::AsciiStrToLower(FoldAccents(name));
    return absl::StartsWith(rest, place) &&
           (rest.size() == place.size() || rest[place.size()] == ' ' || rest[place.size()] == ',');
  };
  for (const KnownEntity& place : kKnownPlaces) {
    if (opens_with(place.name)) return true;
    for (absl::string_view alias : place.aliases) {
      if (opens_with(alias)) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<DocType> DocTypeFromTitle(absl::string_view title) {
  return DocTypeFromTitle(title, FoldAccents(title));
}

std::optional<DocType> DocTypeFromTitle(absl::string_view title, absl::string_view folded) {
  // "News story: ...", "Press release - ...": a series name fused before the
  // headline.
  for (absl::string_view series : {"news story", "news release", "press release"}) {
    if (absl::StartsWith(folded, series) && folded.size() > series.size() &&
        (folded[series.size()] == ':' || folded[series.size()] == ' ')) {
      const absl::string_view rest =
          absl::StripLeadingAsciiWhitespace(absl::string_view(folded).substr(series.size() + 1));
      if (!rest.empty() && rest.front() != '(') return v1::DOC_TYPE_PRESS_RELEASE;
    }
  }
  // A speech introduced by its speaker or its occasion: "Remarks by the
  // President ...", "Opening Statement by ...", "Address to ...", "Propos du
  // Président ...", "Discours de ...".
  if (OpensWithSpeechWords(folded)) return v1::DOC_TYPE_SPEECH;
  // Types named anywhere in the title: "Meeting of ... : Final Communiqué",
  // "NAC Chairman's Summary of ...".
  if (NamesFinalCommunique(folded)) return v1::DOC_TYPE_COMMUNIQUE;
  if (NamesChairmansSummary(folded)) return v1::DOC_TYPE_CHAIRMANS_SUMMARY;
  if (absl::StartsWith(folded, "statement by the chair") ||
      absl::StartsWith(folded, "chairman's") || absl::StartsWith(folded, "chairperson's") ||
      absl::StartsWith(folded, "declaration du president") ||
      absl::StartsWith(folded, "resume du president") ||
      absl::StartsWith(folded, "resume de la presidence")) {
    return v1::DOC_TYPE_CHAIRMANS_SUMMARY;
  }
  if (absl::StartsWith(folded, "statement") || absl::StartsWith(folded, "press statement") ||
      absl::StartsWith(folded, "joint statement")) {
    return v1::DOC_TYPE_PRESS_STATEMENT;
  }
  // English "Declaration by / of / on …" (a French "Déclaration" goes on
  // with "du", "de", "sur").
  for (absl::string_view opening : {"declaration by ", "declaration of ", "declaration on "}) {
    if (absl::StartsWith(folded, opening) && absl::StartsWithIgnoreCase(title, "declaration")) {
      return v1::DOC_TYPE_DECLARATION;
    }
  }
  if (absl::StartsWith(folded, "declaration du sommet") ||
      absl::EndsWith(folded, "summit declaration") || absl::EndsWith(folded, " declaration") ||
      NamesDeclarationAfterPlace(folded)) {
    return v1::DOC_TYPE_DECLARATION;
  }
  if (absl::EndsWith(folded, "communique") || absl::EndsWith(folded, "communiqu")) {
    return v1::DOC_TYPE_COMMUNIQUE;
  }
  // A declaration or communiqué named first in German, Spanish or Italian
  // ("Erklärung der NATO-Außenminister", "Declaración de ...").
  for (absl::string_view opening :
       {"erklarung", "gipfelerklarung", "declaracion", "dichiarazione"}) {
    if (absl::StartsWith(folded, opening) &&
        (folded.size() == opening.size() || folded[opening.size()] == ' ')) {
      return v1::DOC_TYPE_DECLARATION;
    }
  }
  // Portuguese "Declaração" opens a declaration named after its place or
  // made jointly ("Declaração de Bissau sobre …"); "Declaração do Imposto
  // de Renda" is a tax return.
  if (absl::StartsWith(folded, "declaracao conjunta") ||
      absl::StartsWith(folded, "declaracao final")) {
    return v1::DOC_TYPE_DECLARATION;
  }
  if (absl::StartsWith(folded, "declaracao de ")) {
    const size_t de = title.find(" de ");
    if (de != absl::string_view::npos && de + 4 < title.size() &&
        absl::ascii_isupper(static_cast<unsigned char>(title[de + 4]))) {
      return v1::DOC_TYPE_DECLARATION;
    }
  }
  for (absl::string_view opening :
       {"abschlusskommunique", "comunicado final", "comunicato finale", "comunicado conjunto",
        "comunicato congiunto", "gemeinsames kommunique", "comunicat comun"}) {
    if (absl::StartsWith(folded, opening)) return v1::DOC_TYPE_COMMUNIQUE;
  }
  if (absl::StartsWith(folded, "declaration du secretaire") ||
      absl::StartsWith(folded, "dclaration du secrtaire")) {
    return v1::DOC_TYPE_PRESS_STATEMENT;
  }
  // A French statement named by who makes it, or made jointly
  // ("Déclaration conjointe du Président …", "Déclaration du ministre …").
  for (absl::string_view opening :
       {"declaration conjointe", "declaration du ministre", "declaration de la ministre",
        "declaration du porte-parole", "declaration de la porte-parole"}) {
    if (absl::StartsWith(folded, opening)) return v1::DOC_TYPE_PRESS_STATEMENT;
  }
  if (absl::StartsWith(folded, "communique conjoint")) return v1::DOC_TYPE_COMMUNIQUE;
  // A joint statement named first in other languages of Latin script
  // ("Wspólne oświadczenie ministrów …", "Gezamenlijke verklaring van …",
  // "Společné prohlášení …"). The word for "statement" alone opens an
  // accessibility or privacy statement as often ("Prohlášení o
  // přístupnosti", "Izjava o zaštiti privatnosti") and a news headline
  // about a statement: joint ones only.
  // Every head line of a page is read here: the openings' first letters
  // first.
  constexpr absl::string_view kJointOpeningLetters = "wgsozkdyf";
  if (!folded.empty() && kJointOpeningLetters.find(folded.front()) != absl::string_view::npos) {
    for (absl::string_view opening :
         {"wspolne oswiadczenie", "gezamenlijke verklaring", "gemensamt uttalande",
          "spolecne prohlaseni", "ortak aciklama", "ortak bildiri", "zajednicka izjava",
          "kozos nyilatkozat", "declaratie comuna", "declaratia comuna", "yhteinen julkilausuma",
          // Folding keeps "æ" and the dotless "ı".
          "f\xC3\xA6lles erkl\xC3\xA6ring", "felles erkl\xC3\xA6ring", "ortak ac\xC4\xB1klama"}) {
      if (absl::StartsWith(folded, opening) &&
          (folded.size() == opening.size() || folded[opening.size()] == ' ' ||
           folded[opening.size()] == ':')) {
        // A news headline about a joint statement goes on past a dash
        // ("Gemensamt uttalande om Ukraina undertecknat av 40 länder – men
        // Ungern står utanför").
        constexpr int kMostWordsBeforeDash = 10;
        if (absl::StrContains(title, " \xE2\x80\x93 ") &&
            CountWordsUpTo(title, kMostWordsBeforeDash + 1) > kMostWordsBeforeDash) {
          return std::nullopt;
        }
        return v1::DOC_TYPE_PRESS_STATEMENT;
      }
    }
  }
  return std::nullopt;
}

}  // namespace docsearch::ingest
