// Types read from outside a printed label (doc_type.h): a speech's
// salutation or an announcing sentence opening the text, a press-release
// reference series, the section an archive's Updated header or a site's
// menu names.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/date_names.h"
#include "ingest_service/parser/doc_type.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/non_latin_labels.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {

using docsearch::v1::DocType;

std::optional<DocType> DocTypeFromSpeechOpening(absl::string_view first_paragraph) {
  // The opening words only, cut at a character boundary.
  size_t end = std::min<size_t>(first_paragraph.size(), 80);
  while (end > 0 && end < first_paragraph.size() &&
         (static_cast<unsigned char>(first_paragraph[end]) & 0xC0) == 0x80) {
    --end;
  }
  const std::string folded = FoldAccents(first_paragraph.substr(0, end));
  for (absl::string_view opening : {"ladies and gentlemen",
                                    "ladies and gentleman",
                                    "mesdames et messieurs",
                                    "mesdames, messieurs",
                                    "meine damen und herren",
                                    "senoras y senores",
                                    "signore e signori",
                                    "excellencies",
                                    "your excellenc",
                                    "your majest",
                                    "your royal highness",
                                    "mr. president,",
                                    "mr president,",
                                    "madam president,",
                                    "mr. chairman,",
                                    "mr chairman,",
                                    "madam chair",
                                    "dear colleagues",
                                    "dear friends",
                                    "distinguished guests",
                                    "distinguished delegates",
                                    "monsieur le president,",
                                    "madame la presidente,",
                                    "chers amis",
                                    "chers collegues"}) {
    if (absl::StartsWith(folded, opening)) return v1::DOC_TYPE_SPEECH;
  }
  return std::nullopt;
}

std::optional<DocType> DocTypeFromAnnouncement(absl::string_view first_paragraph) {
  // Within the opening words, after a dateline ("KABUL (June 18) - The
  // following is ...") or a first letter lost in scraping.
  const std::string folded = FoldAccents(first_paragraph.substr(0, 160));
  for (absl::string_view announcement :
       {"following is a statement", "following is the statement", "following statement was",
        "following is a joint statement", "following joint statement was"}) {
    if (absl::StrContains(folded, announcement)) return v1::DOC_TYPE_PRESS_STATEMENT;
  }
  return std::nullopt;
}

std::optional<DocType> DocTypeFromReference(absl::string_view reference) {
  reference = absl::StripAsciiWhitespace(reference);
  if (reference.size() > 2 && absl::StartsWith(reference, "PR") &&
      !absl::ascii_isalpha(static_cast<unsigned char>(reference[2]))) {
    return v1::DOC_TYPE_PRESS_RELEASE;
  }
  const std::string folded = FoldAccents(reference);
  for (absl::string_view word :
       absl::StrSplit(folded, absl::ByAnyChar(" ()/"), absl::SkipEmpty())) {
    if (word == "press" || word == "presse") return v1::DOC_TYPE_PRESS_RELEASE;
  }
  return std::nullopt;
}

std::optional<DocType> DocTypeFromSection(absl::string_view section) {
  std::string folded = FoldAccents(section);
  absl::string_view view = folded;
  absl::ConsumePrefix(&view, "nato ");
  absl::ConsumePrefix(&view, "otan ");
  if (absl::StartsWith(view, "press statement")) return v1::DOC_TYPE_PRESS_STATEMENT;
  if (absl::StartsWith(view, "update") || absl::StartsWith(view, "week of") ||
      absl::StartsWith(view, "semaine du") || absl::StartsWith(view, "nouvelles")) {
    return v1::DOC_TYPE_UPDATE;
  }
  if (absl::StartsWith(view, "speech") || absl::StartsWith(view, "discours")) {
    return v1::DOC_TYPE_SPEECH;
  }
  // The series the section lists, after the publisher's name ("KFOR Press
  // Releases").
  if (absl::StartsWith(view, "press release") || absl::StartsWith(view, "communiques de presse") ||
      absl::StartsWith(view, "communiqus de presse") || absl::EndsWith(view, " press releases")) {
    return v1::DOC_TYPE_PRESS_RELEASE;
  }
  if (absl::StartsWith(view, "ministerial communiq")) return v1::DOC_TYPE_COMMUNIQUE;
  // "June 2003", "Juin 2003": the monthly news pages.
  const std::vector<absl::string_view> words = absl::StrSplit(view, ' ', absl::SkipEmpty());
  int year = 0;
  if (words.size() == 2 && MonthFromName(words[0]) != 0 && absl::SimpleAtoi(words[1], &year) &&
      year > 1900) {
    return v1::DOC_TYPE_UPDATE;
  }
  return std::nullopt;
}

std::optional<DocType> DocTypeFromSectionName(absl::string_view line) {
  struct SectionName {
    absl::string_view folded;
    DocType type;
  };
  // Sections that hold one kind of text. Sections of mixed kinds ("Press
  // room", "Newsroom", "Media", "Official texts") name no type.
  static constexpr SectionName kSections[] = {
      {"news", v1::DOC_TYPE_UPDATE},
      {"latest news", v1::DOC_TYPE_UPDATE},
      {"news story", v1::DOC_TYPE_UPDATE},
      {"news stories", v1::DOC_TYPE_UPDATE},
      {"news article", v1::DOC_TYPE_UPDATE},
      {"actualite", v1::DOC_TYPE_UPDATE},
      {"actualites", v1::DOC_TYPE_UPDATE},
      {"nachrichten", v1::DOC_TYPE_UPDATE},
      {"aktuelles", v1::DOC_TYPE_UPDATE},
      {"meldung", v1::DOC_TYPE_UPDATE},
      {"noticias", v1::DOC_TYPE_UPDATE},
      {"noticia", v1::DOC_TYPE_UPDATE},
      {"notizie", v1::DOC_TYPE_UPDATE},
      {"notizia", v1::DOC_TYPE_UPDATE},
      {"nieuws", v1::DOC_TYPE_UPDATE},
      {"speeches", v1::DOC_TYPE_SPEECH},
      {"discours", v1::DOC_TYPE_SPEECH},
      {"reden", v1::DOC_TYPE_SPEECH},
      {"discursos", v1::DOC_TYPE_SPEECH},
      {"discorsi", v1::DOC_TYPE_SPEECH},
      {"toespraken", v1::DOC_TYPE_SPEECH},
      {"press releases", v1::DOC_TYPE_PRESS_RELEASE},
      {"press release", v1::DOC_TYPE_PRESS_RELEASE},
      {"press notices", v1::DOC_TYPE_PRESS_RELEASE},
      {"news releases", v1::DOC_TYPE_PRESS_RELEASE},
      {"news release", v1::DOC_TYPE_PRESS_RELEASE},
      {"media releases", v1::DOC_TYPE_PRESS_RELEASE},
      {"media release", v1::DOC_TYPE_PRESS_RELEASE},
      {"communiques de presse", v1::DOC_TYPE_PRESS_RELEASE},
      {"pressemitteilungen", v1::DOC_TYPE_PRESS_RELEASE},
      {"pressemitteilung", v1::DOC_TYPE_PRESS_RELEASE},
      // Austrian and Swiss wordings of the press release.
      {"presseaussendung", v1::DOC_TYPE_PRESS_RELEASE},
      {"presseinformation", v1::DOC_TYPE_PRESS_RELEASE},
      {"medienmitteilung", v1::DOC_TYPE_PRESS_RELEASE},
      {"notas de prensa", v1::DOC_TYPE_PRESS_RELEASE},
      {"nota de prensa", v1::DOC_TYPE_PRESS_RELEASE},
      {"comunicados de prensa", v1::DOC_TYPE_PRESS_RELEASE},
      {"comunicati stampa", v1::DOC_TYPE_PRESS_RELEASE},
      {"comunicato stampa", v1::DOC_TYPE_PRESS_RELEASE},
      {"persberichten", v1::DOC_TYPE_PRESS_RELEASE},
      {"persbericht", v1::DOC_TYPE_PRESS_RELEASE},
      {"statements", v1::DOC_TYPE_PRESS_STATEMENT},
      {"press statements", v1::DOC_TYPE_PRESS_STATEMENT},
      // Australian, New Zealand and South African ministers' statements.
      {"media statements", v1::DOC_TYPE_PRESS_STATEMENT},
      {"ministerial media statements", v1::DOC_TYPE_PRESS_STATEMENT},
      {"readouts", v1::DOC_TYPE_PRESS_STATEMENT},
      // A French-speaking site's statements ("Déclaration" is a statement).
      {"declarations", v1::DOC_TYPE_PRESS_STATEMENT},
      {"erklarungen", v1::DOC_TYPE_PRESS_STATEMENT},
      // Swedish, Norwegian, Danish, Finnish, Polish, Czech, Romanian,
      // Turkish (with and without its dotless i), Indonesian.
      {"nyheter", v1::DOC_TYPE_UPDATE},
      {"nyheder", v1::DOC_TYPE_UPDATE},
      {"uutiset", v1::DOC_TYPE_UPDATE},
      {"aktualnosci", v1::DOC_TYPE_UPDATE},
      {"wiadomosci", v1::DOC_TYPE_UPDATE},
      {"aktuality", v1::DOC_TYPE_UPDATE},
      {"stiri", v1::DOC_TYPE_UPDATE},
      {"haberler", v1::DOC_TYPE_UPDATE},
      {"berita", v1::DOC_TYPE_UPDATE},
      {"pressmeddelanden", v1::DOC_TYPE_PRESS_RELEASE},
      {"pressemeldinger", v1::DOC_TYPE_PRESS_RELEASE},
      {"pressemeddelelser", v1::DOC_TYPE_PRESS_RELEASE},
      {"tiedotteet", v1::DOC_TYPE_PRESS_RELEASE},
      {"komunikaty", v1::DOC_TYPE_PRESS_RELEASE},
      {"komunikaty prasowe", v1::DOC_TYPE_PRESS_RELEASE},
      {"tiskove zpravy", v1::DOC_TYPE_PRESS_RELEASE},
      {"comunicate de presa", v1::DOC_TYPE_PRESS_RELEASE},
      {"comunicate", v1::DOC_TYPE_PRESS_RELEASE},
      {"basin aciklamalari", v1::DOC_TYPE_PRESS_RELEASE},
      {"bas\xC4\xB1n ac\xC4\xB1klamalar\xC4\xB1", v1::DOC_TYPE_PRESS_RELEASE},
      {"basin bultenleri", v1::DOC_TYPE_PRESS_RELEASE},
      {"siaran pers", v1::DOC_TYPE_PRESS_RELEASE},
      {"tal", v1::DOC_TYPE_SPEECH},
      {"taler", v1::DOC_TYPE_SPEECH},
      {"przemowienia", v1::DOC_TYPE_SPEECH},
      {"discursuri", v1::DOC_TYPE_SPEECH},
      {"uttalanden", v1::DOC_TYPE_PRESS_STATEMENT},
      {"oswiadczenia", v1::DOC_TYPE_PRESS_STATEMENT},
      // More wordings of the news item and the press release (a US
      // agency's "Press Announcements", Brazil's "Notas à Imprensa").
      {"news items", v1::DOC_TYPE_UPDATE},
      {"news item", v1::DOC_TYPE_UPDATE},
      {"press announcements", v1::DOC_TYPE_PRESS_RELEASE},
      {"pressenotizen", v1::DOC_TYPE_PRESS_RELEASE},
      // Turkish speeches and statements (with and without the dotless i).
      {"konusmalar", v1::DOC_TYPE_SPEECH},
      {"aciklamalar", v1::DOC_TYPE_PRESS_STATEMENT},
      {"ac\xC4\xB1klamalar", v1::DOC_TYPE_PRESS_STATEMENT},
      {"pressemeldungen", v1::DOC_TYPE_PRESS_RELEASE},
      {"notas a imprensa", v1::DOC_TYPE_PRESS_RELEASE},
      {"notas de imprensa", v1::DOC_TYPE_PRESS_RELEASE},
      {"notas a comunicacao social", v1::DOC_TYPE_PRESS_RELEASE},
      {"comunicados de imprensa", v1::DOC_TYPE_PRESS_RELEASE},
      // Transcripts of questions and answers: a kind the enum does not name.
      {"press conferences", v1::DOC_TYPE_OTHER},
      {"press briefings", v1::DOC_TYPE_OTHER},
      {"transcripts", v1::DOC_TYPE_OTHER},
      {"interviews", v1::DOC_TYPE_OTHER},
  };
  absl::string_view trimmed = absl::StripAsciiWhitespace(line);
  if (OpensWithNonLatinLetter(trimmed)) return NonLatinSectionType(trimmed);
  if (trimmed.size() > 40) return std::nullopt;
  const std::string folded = FoldAccents(trimmed);
  absl::string_view name = folded;
  while (!name.empty() && (name.back() == ':' || name.back() == '|' || name.back() == ' ')) {
    name.remove_suffix(1);
  }
  while (!name.empty() && (name.front() == '|' || name.front() == ' ')) name.remove_prefix(1);
  for (const SectionName& section : kSections) {
    if (name == section.folded) return section.type;
  }
  // The section of one office among several ("News Releases from Region
  // 03", "Press releases from the Ministry"): the name of releases or
  // statements, "from", and who issues them, a name of a few words that
  // opens with a capital or a digit.
  constexpr int kMostIssuerWords = 4;
  const size_t from = trimmed.find(" from ");
  if (from == absl::string_view::npos) return std::nullopt;
  absl::string_view issuer = absl::StripAsciiWhitespace(trimmed.substr(from + 6));
  absl::ConsumePrefix(&issuer, "the ");
  if (issuer.empty() ||
      !(absl::ascii_isupper(static_cast<unsigned char>(issuer.front())) ||
        absl::ascii_isdigit(static_cast<unsigned char>(issuer.front()))) ||
      CountWordsUpTo(issuer, kMostIssuerWords + 1) > kMostIssuerWords) {
    return std::nullopt;
  }
  // Releases and statements only: "Speeches from the Governor" or "News
  // from the Council" is as often an item of a menu.
  const std::string section_name = FoldAccents(trimmed.substr(0, from));
  for (const SectionName& section : kSections) {
    if (section_name == section.folded && (section.type == v1::DOC_TYPE_PRESS_RELEASE ||
                                           section.type == v1::DOC_TYPE_PRESS_STATEMENT)) {
      return section.type;
    }
  }
  return std::nullopt;
}

}  // namespace docsearch::ingest
