#include "ingest_service/parser/issuer_names.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

// Most words of an issuer's name, and of a minister's portfolios.
constexpr int kMaxIssuerWords = 8;
constexpr int kMaxPortfolioWords = 14;

// Folded words naming a body that issues texts, whole words, in the
// languages of the sites archived: ministries, departments, agencies,
// embassies, governments, presidencies, parliaments. Anywhere in a name
// printed in Title Case ("U.S. Department of State", "Andina Agencia
// Peruana de Noticias").
constexpr absl::string_view kIssuerWords[] = {
    "ministry",     "ministere",      "ministerio",        "ministero",       "ministerie",
    "ministerstwo", "ministerstvo",   "ministarstvo",      "ministerul",      "ministerium",
    "kementerian",  "department",     "departement",       "departamento",    "dipartimento",
    "cancilleria",  "chancellery",    "chancellerie",      "secretariat",     "agency",
    "agence",       "agencia",        "agenzia",           "embassy",         "ambassade",
    "embajada",     "embaixada",      "ambasciata",        "botschaft",       "ambasada",
    "government",   "gouvernement",   "gobierno",          "governo",         "regierung",
    "regering",     "regeringen",     "regjeringen",       "guvernul",        "presidency",
    "presidence",   "presidencia",    "presidenza",        "parliament",      "parlement",
    "parlamento",   "valtioneuvosto", "regeringskansliet", "bundesregierung", "pressestelle",
};

// Words that name a body only as the name's first word ("Office of the
// Spokesperson", "Ufficio stampa ...", "Corte costituzionale"): inside a
// Title Case line they are as often a headline's subject ("Transfer of
// Authority in Afghanistan").
constexpr absl::string_view kIssuerFirstWords[] = {
    "office",     "bureau",     "ufficio",     "oficina", "gabinete",
    "kancelaria", "secretaria", "segreteria",  "court",   "cour",
    "corte",      "tribunal",   "directorate", "urzad",   "urad",
};

// Endings of compounds naming such a body ("Socialdepartementet",
// "Ulkoministeriö", "Bundesministerium", "Dışişleri Bakanlığı" folded).
constexpr absl::string_view kIssuerEndings[] = {
    "departementet",
    "ministeriet",
    "ministerium",
    "ministerio",
    "bundesamt",
    "landesamt",
    "kanzleramt",
    "presseamt",
    "gericht",
    "bakanl\xC4\xB1g\xC4\xB1",
    "baskanl\xC4\xB1g\xC4\xB1",
    "buyukelciligi",
};

// A news site's name ("UN News Centre", "Agência Brasil de Notícias" has
// "agencia" already).
constexpr absl::string_view kNewsSiteNames[] = {
    "news centre",  "news center", "media centre", "media center", "press centre",
    "press center", "newsroom",    "news service", "news agency",
};

// Events a body holds: a line naming one is a headline about it.
constexpr absl::string_view kEventWords[] = {
    "meeting", "reunion",    "summit",      "sommet",     "cumbre",    "cimeira", "vertice",
    "gipfel",  "visit",      "visite",      "visita",     "besuch",    "session", "sesion",
    "sessao",  "conference", "conferencia", "conferenza", "konferenz", "talks",
};

// The first words of a minister's office ("Minister for ...", "Ministre
// de ...", "Secretary of State for ...").
constexpr absl::string_view kMinisterWords[] = {
    "minister",         "ministre",  "ministro",   "ministra",   "ministerin",     "bundesminister",
    "bundesministerin", "secretary", "secretaire", "secretario", "staatssekretar",
};

// Words that join a type label to the body issuing the text ("Press
// release from ...", "Pressmeddelande från ..."); "Statement by the
// Ministry ..." and "Communiqué du Ministère ..." are titles.
constexpr absl::string_view kFromWords[] = {"from", "fran", "fra", "von", "vom"};

template <size_t N>
bool AnyWordIn(const std::vector<std::string>& words, const absl::string_view (&list)[N]) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& word) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
  });
}

// The words of `folded`, letters and digits only.
std::vector<std::string> LetterWords(absl::string_view folded) {
  std::vector<std::string> words;
  for (absl::string_view word :
       absl::StrSplit(folded, absl::ByAnyChar(" ,.:;()'’-"), absl::SkipEmpty())) {
    words.emplace_back(word);
  }
  return words;
}

// Words that join the parts of a name, which stay in lower case.
constexpr absl::string_view kNameJoiners[] = {
    "of",  "the", "and",        "for", "on",   "in", "de",  "del", "della", "delle", "dei", "des",
    "du",  "la",  "le",         "les", "et",   "y",  "e",   "da",  "do",    "das",   "dos", "der",
    "die", "und", "f\xC3\xBCr", "van", "voor", "en", "och", "og",  "i",     "na",    "al",  "ze",
};

// Every word of four letters or more capitalized, but the words joining a
// name's parts: a name as printed ("Ministry of Foreign Affairs of Japan",
// "T.C. Dışişleri Bakanlığı"), not a headline in sentence case
// ("Regeringen föreslår tillfälligt slopat karensavdrag") or with a verb in
// lower case ("Parliament wants a coordinated EU response").
bool IsCapitalizedName(absl::string_view line) {
  for (absl::string_view word : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
    word = absl::StripPrefix(word, "(");
    if (word.size() < 4 || !StartsLowercase(word)) continue;
    const std::string lower = absl::AsciiStrToLower(word);
    if (std::find(std::begin(kNameJoiners), std::end(kNameJoiners), lower) ==
        std::end(kNameJoiners)) {
      return false;
    }
  }
  return true;
}

// Capitalized words ending as English verbs do, which no body's name
// holds after its first word ("Department of Health Launches …", "Embassy
// of Japan Hosts …", "Government Moving to …"): an -s word with more words
// after it (a place's name, "… in Paris", ends the line), or an -ing word
// right after the first ("Ministry of Housing" is a name). The nouns names
// hold with such endings are listed.
constexpr absl::string_view kNameWordsLikeVerbs[] = {
    "affairs",    "services",       "resources",   "relations",   "works",       "nations",
    "states",     "forces",         "operations",  "islands",     "highways",    "sciences",
    "studies",    "arts",           "finances",    "news",        "industries",  "communications",
    "statistics", "expatriates",    "emirates",    "territories", "veterans",    "rights",
    "customs",    "economics",      "ports",       "waters",      "lands",       "fisheries",
    "regions",    "municipalities", "cities",      "commons",     "lords",       "representatives",
    "ministers",  "mines",          "roads",       "archives",    "families",    "parks",
    "sports",     "corrections",    "forests",     "minorities",  "communities", "works",
    "united",     "armed",          "allied",      "advanced",    "applied",     "combined",
    "unified",    "integrated",     "specialized", "specialised", "federated",   "associated",
};

bool IsNameWordLikeAVerb(absl::string_view lower) {
  return std::find(std::begin(kNameWordsLikeVerbs), std::end(kNameWordsLikeVerbs), lower) !=
         std::end(kNameWordsLikeVerbs);
}

bool HasHeadlineVerb(absl::string_view line) {
  const std::vector<absl::string_view> words = absl::StrSplit(line, ' ', absl::SkipEmpty());
  // English endings: a name joined in another language ("Ministerio de
  // Relaciones Exteriores") has plurals in -s of its own.
  for (absl::string_view word : words) {
    for (absl::string_view joiner : {"de", "del", "des", "du", "della", "di", "do", "da", "dos",
                                     "das", "der", "die", "und", "y", "e", "et"}) {
      if (word == joiner) return false;
    }
  }
  for (size_t i = 1; i < words.size(); ++i) {
    const absl::string_view word = words[i];
    if (word.size() < 4 || !absl::ascii_isupper(static_cast<unsigned char>(word.front()))) {
      continue;
    }
    std::string lower = absl::AsciiStrToLower(word);
    while (!lower.empty() && !absl::ascii_isalpha(static_cast<unsigned char>(lower.back()))) {
      lower.pop_back();
    }
    if (IsNameWordLikeAVerb(lower)) continue;
    const bool last = i + 1 == words.size();
    // Headlines speak in the present ("Launches", "Hosts"); an -ed word
    // in a name is as often an adjective ("Aged Care", "United").
    const bool third_person =
        absl::EndsWith(lower, "s") && !absl::EndsWith(lower, "ss") && !absl::EndsWith(lower, "us");
    if (third_person && !last) return true;
    if (absl::EndsWith(lower, "ing") && i == 1) return true;
  }
  return false;
}

// The issuer's name alone: a body's word (or a compound ending in one) and
// no event; printed as a name is (Title Case), or the body's kind first.
bool NamesABody(absl::string_view line) {
  if (CountWordsUpTo(line, kMaxIssuerWords + 1) > kMaxIssuerWords) return false;
  const std::string folded = FoldAccents(line);
  const std::vector<std::string> words = LetterWords(folded);
  if (words.empty() || AnyWordIn(words, kEventWords)) return false;
  auto names_body = [](const std::string& word) {
    if (std::find(std::begin(kIssuerWords), std::end(kIssuerWords), word) !=
        std::end(kIssuerWords)) {
      return true;
    }
    return std::any_of(std::begin(kIssuerEndings), std::end(kIssuerEndings),
                       [&](absl::string_view ending) { return absl::EndsWith(word, ending); });
  };
  // One word: a compound naming the body ("Socialdepartementet"), not the
  // generic word ("Government", "Ministerio": a menu's item).
  if (words.size() == 1) {
    return std::none_of(std::begin(kIssuerWords), std::end(kIssuerWords),
                        [&](absl::string_view word) { return word == words.front(); }) &&
           names_body(words.front());
  }
  if (!IsCapitalizedName(line)) return false;
  for (absl::string_view name : kNewsSiteNames) {
    if (absl::StrContains(folded, name)) return true;
  }
  if (HasHeadlineVerb(line)) return false;
  const bool first_names_body =
      names_body(words.front()) ||
      std::find(std::begin(kIssuerFirstWords), std::end(kIssuerFirstWords), words.front()) !=
          std::end(kIssuerFirstWords);
  if (first_names_body) return true;
  // The body's word where a name puts it: last ("T.C. Dışişleri
  // Bakanlığı", "Australian Government"), or before a joining word
  // ("Washington State Department of Health"); not as a headline's object
  // ("… Unveils New Parliament Visitor Centre").
  if (names_body(words.back())) return true;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (names_body(words[i]) && std::find(std::begin(kNameJoiners), std::end(kNameJoiners),
                                          words[i + 1]) != std::end(kNameJoiners)) {
      return true;
    }
  }
  return false;
}

// "Minister for Fire and Disaster Recovery and Minister for Corrective
// Services", "Ministre de l'Europe et des Affaires étrangères": offices
// named as a name is, opened by a minister's title and "for" or "of"
// ("Secretary-General Saddened by ..." is a headline).
bool NamesPortfolios(absl::string_view line) {
  if (CountWordsUpTo(line, kMaxPortfolioWords + 1) > kMaxPortfolioWords) return false;
  const std::vector<std::string> words = LetterWords(FoldAccents(line));
  if (words.size() < 3 || AnyWordIn(words, kEventWords)) return false;
  if (std::find(std::begin(kMinisterWords), std::end(kMinisterWords), words.front()) ==
      std::end(kMinisterWords)) {
    return false;
  }
  const std::string& joint =
      words[1] == "of" && words[2] == "state" && words.size() > 3 ? words[3] : words[1];
  const bool office = joint == "for" || joint == "of" || joint == "de" || joint == "des" ||
                      joint == "du" || joint == "fur" || joint == "del" || joint == "l";
  return office && IsCapitalizedName(line);
}

// "Press Release: Department of Conservation", "Pressmeddelande från
// Socialdepartementet": a type label, then the body issuing the text.
bool LabelNamesABody(absl::string_view line) {
  const std::optional<LeadingLabel> label = DocTypeLabelPrefix(line, /*any_rest=*/true);
  if (!label.has_value() || label->length >= line.size()) return false;
  absl::string_view rest = absl::StripLeadingAsciiWhitespace(line.substr(label->length));
  // After a colon, a dash or a bar (the label's reader may have taken it
  // with the label), or a word saying "from".
  const char last = line[label->length - 1];
  bool parted = last == ':' || last == '-' || last == '|';
  while (!rest.empty() && (rest.front() == ':' || rest.front() == '-' || rest.front() == '|')) {
    rest = absl::StripLeadingAsciiWhitespace(rest.substr(1));
    parted = true;
  }
  if (absl::ConsumePrefix(&rest, "\xE2\x80\x93")) {  // "–"
    rest = absl::StripLeadingAsciiWhitespace(rest);
    parted = true;
  }
  const size_t space = rest.find(' ');
  if (!parted && space != absl::string_view::npos) {
    const std::string first = FoldAccents(rest.substr(0, space));
    if (std::find(std::begin(kFromWords), std::end(kFromWords), first) != std::end(kFromWords)) {
      rest.remove_prefix(space + 1);
      parted = true;
    }
  }
  return parted && !rest.empty() && NamesABody(rest);
}

}  // namespace

bool NamesTheIssuer(absl::string_view line) {
  line = TrimLine(line);
  if (line.empty() || HasAsciiDigit(line) || EndsSentence(line)) return false;
  // "by the Ministry of Foreign Affairs" continues a title.
  if (absl::ascii_islower(static_cast<unsigned char>(line.front()))) return false;
  if (DocTypeFromTitle(line).has_value() && !LabelNamesABody(line)) return false;
  return NamesABody(line) || NamesPortfolios(line) || LabelNamesABody(line);
}

bool NamesTheIssuerByLabelOrOffice(absl::string_view line) {
  line = TrimLine(line);
  return LabelNamesABody(line) || NamesPortfolios(line);
}

}  // namespace docsearch::ingest
