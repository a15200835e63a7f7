// DocTypeFromTitleWording (doc_type.h): the wordings that name a type
// without shaping a headline, read last of the title's readers.
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/text_folding.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/doc_type_labels.h"

namespace docsearch::ingest {
namespace {

using ::docsearch::v1::DocType;

// What a speaker's possessive names as a speech ("the Minister's Opening
// Remarks"), narrower than kSpeechOpenings: "Russia's Intervention of 2014"
// is no speech.
constexpr absl::string_view kPossessiveSpeechKinds[] = {"introductory statement",
                                                        "opening statement",
                                                        "closing statement",
                                                        "introductory remarks",
                                                        "opening remarks",
                                                        "closing remarks",
                                                        "keynote",
                                                        "remarks at",
                                                        "remarks to",
                                                        "address to",
                                                        "address at",
                                                        "speech at",
                                                        "speech to",
                                                        "speech on"};

// A text made jointly, as its name is printed.
constexpr std::pair<absl::string_view, DocType> kJointTexts[] = {
    {"Joint Statement", v1::DOC_TYPE_PRESS_STATEMENT},
    {"JOINT STATEMENT", v1::DOC_TYPE_PRESS_STATEMENT},
    {"Joint Declaration", v1::DOC_TYPE_DECLARATION},
    {"JOINT DECLARATION", v1::DOC_TYPE_DECLARATION},
    {"Joint Communiqu", v1::DOC_TYPE_COMMUNIQUE},
    {"JOINT COMMUNIQU", v1::DOC_TYPE_COMMUNIQUE},
};

// Nouns that end a body's name ("Security Council", "the Presidency"): a
// press statement named right after one is that body's.
constexpr absl::string_view kBodyNouns[] = {
    "council",  "committee", "commission",   "presidency",   "secretariat", "group",
    "assembly", "chair",     "chairmanship", "spokesperson", "office",      "board"};

// "Security Council Press Statement on …": a body's statement to the
// press named as printed after the body's name; "Ministry Rejects
// Opposition Press Statement on …" is news about one.
bool NamesABodysPressStatement(absl::string_view title) {
  for (absl::string_view printed : {"Press Statement", "PRESS STATEMENT"}) {
    const size_t at = title.find(printed);
    if (at == absl::string_view::npos || at == 0) continue;
    const std::string before = FoldAccents(absl::StripTrailingAsciiWhitespace(title.substr(0, at)));
    const size_t space = before.rfind(' ');
    const absl::string_view last = space == std::string::npos
                                       ? absl::string_view(before)
                                       : absl::string_view(before).substr(space + 1);
    for (absl::string_view noun : kBodyNouns) {
      if (last == noun) return true;
    }
  }
  return false;
}

// Whether `title` names a joint text `printed` as its own name: not after an
// article ("Ministers Fail To Agree A Joint Statement On Trade" is news
// about one).
bool NamesAJointText(absl::string_view title, absl::string_view printed) {
  for (size_t at = title.find(printed); at != absl::string_view::npos;
       at = title.find(printed, at + 1)) {
    // Folding drops the space before the name: put it back.
    const std::string before = absl::StrCat(" ", FoldAccents(title.substr(0, at)), " ");
    if (absl::EndsWith(before, " a ") || absl::EndsWith(before, " an ") ||
        absl::EndsWith(before, " the ")) {
      continue;
    }
    return true;
  }
  return false;
}

// A lower-case label's link to who speaks, as Italian, Spanish and French
// headlines print it ("dichiarazione dell'alta rappresentante",
// "declaración del portavoz"); "dichiarazione dello stato di emergenza" or
// "declaración de la renta" is a noun of another sense.
bool LinksToASpeaker(absl::string_view folded) {
  for (absl::string_view link : {" dell'", " della ", " del ", " de la ", " du ", " de l'"}) {
    const size_t at = folded.find(link);
    if (at == absl::string_view::npos || at > 24) continue;
    const absl::string_view who = folded.substr(at + link.size());
    for (absl::string_view speaker : {"alta rappresentante",
                                      "alto rappresentante",
                                      "portavoce",
                                      "ministro",
                                      "ministra",
                                      "presidente",
                                      "presidenta",
                                      "portavoz",
                                      "porte-parole",
                                      "ministre",
                                      "secretaire",
                                      "segretario",
                                      "secretario",
                                      "secretaria",
                                      "haut representant",
                                      "haute representante",
                                      "alto representante",
                                      "alta representante",
                                      "consiglio",
                                      "consejo",
                                      "conseil",
                                      "governo",
                                      "gobierno",
                                      "gouvernement",
                                      "cancelliere",
                                      "canciller",
                                      "unione europea",
                                      "union europea",
                                      "union europeenne"}) {
      if (absl::StartsWith(who, speaker)) return true;
    }
  }
  return false;
}

// What follows a label in brackets, as printed: who made it, a name in
// capitals ("du Cabinet Royal", "of the Ministry"), or nothing;
// "(summary of responses)" names no one.
bool LabelNamesWhoMadeIt(absl::string_view rest) {
  rest = absl::StripLeadingAsciiWhitespace(rest);
  if (rest.empty()) return true;
  for (absl::string_view link :
       {"du ", "de la ", "des ", "de l'", "of the ", "of ", "by the ", "by ", "from the ", "from ",
        "del ", "de ", "do ", "da ", "della ", "der "}) {
    if (!absl::StartsWith(rest, link)) continue;
    const absl::string_view name = rest.substr(link.size());
    return !name.empty() && !absl::ascii_islower(static_cast<unsigned char>(name.front()));
  }
  return false;
}

// "Full text of joint communique of …", "Text of the statement by …",
// "Texte intégral du communiqué …": a copy's headline naming the text it
// reproduces; the kind named after the opening.
// The same in Portuguese, Spanish and Italian ("Íntegra do discurso do
// Presidente …", "Texto íntegro del discurso del primer ministro …").
std::optional<DocType> KindAfterFullTextOf(absl::string_view folded) {
  for (absl::string_view opening :
       {"full text of the ",     "full text of ",        "text of the ",
        "transcript of the ",    "transcript of ",       "texte integral de la ",
        "texte integral du ",    "texte integral de l'", "texte integral des ",
        "a integra do ",         "a integra da ",        "integra do ",
        "integra da ",           "texto integral do ",   "texto integral da ",
        "texto integro del ",    "texto integro de la ", "texto completo del ",
        "texto completo de la ", "testo integrale del ", "testo integrale della "}) {
    if (!absl::StartsWith(folded, opening)) continue;
    const absl::string_view rest = folded.substr(opening.size());
    // A transcript of what is no speech ("Transcript of Weekly Media
    // Briefing by …") is a kind the enum does not name.
    const std::optional<DocType> otherwise = absl::StartsWith(opening, "transcript")
                                                 ? std::optional<DocType>(v1::DOC_TYPE_OTHER)
                                                 : std::nullopt;
    std::optional<LeadingLabel> label = DocTypeLabelPrefix(rest, /*any_rest=*/true);
    if (label.has_value() && label->type != v1::DOC_TYPE_OTHER) return label->type;
    if (OpensWithSpeechWords(rest)) return v1::DOC_TYPE_SPEECH;
    // The speaker's possessive first ("Full text of President Yoon's
    // speech at …"), within a name's few words.
    constexpr size_t kLongestSpeakerName = 40;
    const size_t possessive = rest.find("'s ");
    if (possessive == absl::string_view::npos || possessive > kLongestSpeakerName) {
      return otherwise;
    }
    const absl::string_view kind = rest.substr(possessive + 3);
    for (absl::string_view speech : {"speech", "address", "remarks", "keynote"}) {
      if (absl::StartsWith(kind, speech)) return v1::DOC_TYPE_SPEECH;
    }
    label = DocTypeLabelPrefix(kind, /*any_rest=*/true);
    if (label.has_value() && label->type != v1::DOC_TYPE_OTHER) return label->type;
    return otherwise;
  }
  return std::nullopt;
}

}  // namespace

std::optional<DocType> DocTypeFromTitleWording(absl::string_view title) {
  const std::string folded = FoldAccents(title);
  if (std::optional<DocType> copied = KindAfterFullTextOf(folded)) return copied;
  // A transcript of questions and answers named by its occasion ("Press
  // Conference by Press Secretary …", "Joint press conference with …"): a
  // kind the enum does not name.
  // Who held it is named ("by Press Secretary …", "with the Prime
  // Minister"): "Press conference by opposition leaders interrupted …" is
  // news.
  for (absl::string_view opening :
       {"press conference by ", "press conference of ", "press conference with ",
        "press conference following ", "press conference after ", "joint press conference ",
        "press briefing by "}) {
    if (!absl::StartsWith(folded, opening) || title.size() <= opening.size()) continue;
    absl::string_view named = title.substr(opening.size());
    for (absl::string_view link : {"with ", "by ", "of ", "following ", "after "}) {
      if (absl::ConsumePrefix(&named, link)) break;
    }
    absl::ConsumePrefix(&named, "the ");
    if (!named.empty() && !absl::ascii_islower(static_cast<unsigned char>(named.front()))) {
      return v1::DOC_TYPE_OTHER;
    }
  }
  // The communiqué a council of ministers issues after its weekly meeting
  // ("Communiqué du Conseil des ministres du mercredi 18 septembre 2024",
  // "Comunicado do Conselho de Ministros"), a genre of its own; "Communiqué
  // de presse du Conseil …" is a press release, read as a label.
  for (absl::string_view opening :
       {"communique du conseil des ministres", "communique du conseil de ministres",
        "comunicado do conselho de ministros", "comunicado del consejo de ministros",
        "communique of the council of ministers", "communique of the cabinet"}) {
    if (absl::StartsWith(folded, opening)) return v1::DOC_TYPE_COMMUNIQUE;
  }
  // Turkish names the kind last ("Dışişleri Bakanlığından … dolayısıyla
  // açıklama", "… Töreninde Yaptıkları Konuşma"); folding keeps the
  // dotless i, so both spellings are listed.
  for (const auto& [ending, type] : std::initializer_list<std::pair<absl::string_view, DocType>>{
           {" aciklama", v1::DOC_TYPE_PRESS_STATEMENT},
           {" a\xC3\xA7\xC4\xB1klama", v1::DOC_TYPE_PRESS_STATEMENT},
           {" ac\xC4\xB1klama", v1::DOC_TYPE_PRESS_STATEMENT},
           {" konusma", v1::DOC_TYPE_SPEECH},
           {" konusmas\xC4\xB1", v1::DOC_TYPE_SPEECH},
           {" konusmasi", v1::DOC_TYPE_SPEECH}}) {
    if (absl::EndsWith(folded, ending)) return type;
  }
  // A label closed in brackets after the headline ("SM le Roi préside une
  // séance de travail … (communiqué du Cabinet Royal)"): the agency names
  // the kind of text it carries.
  if (absl::EndsWith(title, ")")) {
    const size_t open = title.rfind('(');
    if (open != absl::string_view::npos && open > 0) {
      const absl::string_view inside = title.substr(open + 1, title.size() - open - 2);
      if (std::optional<LeadingLabel> label = DocTypeLabelPrefix(inside, /*any_rest=*/true);
          label.has_value() && label->type != v1::DOC_TYPE_OTHER &&
          LabelNamesWhoMadeIt(inside.substr(label->length))) {
        return label->type;
      }
      if (std::optional<DocType> type = DocTypeFromLabelLine(inside);
          type.has_value() && *type != v1::DOC_TYPE_OTHER) {
        return type;
      }
    }
  }
  // Two governments "issue joint statement": the news of a joint text an
  // agency carries in full.
  // ("… fail to issue joint statement" is news of none).
  for (absl::string_view issued : {" issue joint statement", " issues joint statement",
                                   " adopt joint statement", " adopts joint statement"}) {
    const size_t at = absl::string_view(folded).find(issued);
    if (at == std::string::npos) continue;
    const absl::string_view before = absl::string_view(folded).substr(0, at);
    if (absl::EndsWith(before, " to") || absl::EndsWith(before, " not") ||
        absl::EndsWith(before, " no")) {
      continue;
    }
    return v1::DOC_TYPE_PRESS_STATEMENT;
  }
  // A cabinet's communiqué named by the body ("Comunicado do Conselho de
  // Ministros de 21 de maio de 2020", "Comunicado del Consejo de Ministros").
  for (absl::string_view opening :
       {"comunicado do conselho de ministros", "comunicado del consejo de ministros",
        "communique du conseil des ministres"}) {
    if (absl::StartsWith(folded, opening)) return v1::DOC_TYPE_COMMUNIQUE;
  }
  // A label before a colon, after a word or two naming who issues it
  // ("MFA Press Statement: Visit of ...", "Chair's Summary: ...").
  if (const size_t colon = folded.find(':'); colon != absl::string_view::npos && colon <= 48) {
    const absl::string_view before =
        absl::StripTrailingAsciiWhitespace(absl::string_view(folded).substr(0, colon));
    if (std::optional<DocType> type = LabelBeforeColon(before, title)) return type;
  }
  // A typed headline after a topic and a colon ("Belarus: Statement by the
  // Spokesperson on ...", "Kosovo: Remarks at ..."): a label printed
  // capitalized and followed by who or what it is of, or a speech's
  // opening. "Tax Reform: Statement Deadline Moved" names a topic.
  if (const size_t colon = title.find(':');
      colon != absl::string_view::npos && colon <= 40 && CountSpaces(title.substr(0, colon)) < 4) {
    // Italian, Spanish and French sites print the label after the colon
    // in lower case ("Myanmar: dichiarazione dell'alta rappresentante a
    // nome dell'UE …"); the link to who made it still tells it.
    const absl::string_view headline = absl::StripLeadingAsciiWhitespace(title.substr(colon + 1));
    if (!headline.empty() && (absl::ascii_isupper(static_cast<unsigned char>(headline.front())) ||
                              LinksToASpeaker(FoldAccents(headline)))) {
      if (std::optional<DocType> type = TypedHeadlineOpening(headline)) return type;
    }
  }
  // A speech named after its speaker's possessive, its kind capitalized
  // ("IAEA Director General's Introductory Statement to the Board").
  for (absl::string_view possessive : {"'s ", "\xE2\x80\x99s "}) {
    for (size_t at = title.find(possessive); at != absl::string_view::npos;
         at = title.find(possessive, at + 1)) {
      const absl::string_view rest = title.substr(at + possessive.size());
      if (rest.empty() || !absl::ascii_isupper(static_cast<unsigned char>(rest.front()))) continue;
      const std::string folded_rest = FoldAccents(rest);
      for (absl::string_view kind : kPossessiveSpeechKinds) {
        if (absl::StartsWith(folded_rest, kind)) return v1::DOC_TYPE_SPEECH;
      }
    }
  }
  // The United Nations' wording, lowercase, of a transcript opening the
  // title with its speaker ("Secretary-General's remarks to the press on
  // …"): who speaks, a name of capitalized words, then to whom; news about
  // remarks names them later ("Critics say the Minister's remarks …").
  for (absl::string_view possessive : {"'s remarks ", "\xE2\x80\x99s remarks "}) {
    const size_t at = title.find(possessive);
    if (at == absl::string_view::npos || CountSpaces(title.substr(0, at)) > 3) continue;
    bool capitalized_name = true;
    for (absl::string_view word : absl::StrSplit(title.substr(0, at), ' ', absl::SkipEmpty())) {
      capitalized_name &= absl::ascii_isupper(static_cast<unsigned char>(word.front())) != 0;
    }
    if (!capitalized_name) continue;
    const absl::string_view rest = title.substr(at + possessive.size());
    // Then what they were about or where ("… to the press on Sudan");
    // news goes on with its verb ("… to the press spark row").
    for (absl::string_view audience : {"to the press", "to the media", "at the press",
                                       "to journalists", "at a press", "to reporters"}) {
      if (!absl::StartsWith(rest, audience)) continue;
      const absl::string_view after = rest.substr(audience.size());
      if (after.empty()) return v1::DOC_TYPE_SPEECH;
      for (absl::string_view next : {" on ", " at ", " following ", " after ", " with ", " in ",
                                     " [", " (", ":", " encounter", " conference"}) {
        if (absl::StartsWith(after, next)) return v1::DOC_TYPE_SPEECH;
      }
    }
  }
  // A text made jointly, named anywhere as a name is printed ("India-
  // Mozambique Joint Statement during the visit of ..."); "fail to agree a
  // joint statement" is a news phrase.
  for (const auto& [printed, type] : kJointTexts) {
    if (NamesAJointText(title, printed)) return type;
  }
  if (NamesABodysPressStatement(title)) return v1::DOC_TYPE_PRESS_STATEMENT;
  return std::nullopt;
}

}  // namespace docsearch::ingest
