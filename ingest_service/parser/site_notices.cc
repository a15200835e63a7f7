#include "ingest_service/parser/site_notices.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/line_shape.h"
#include "ingest_service/parser/phrase_scan.h"

namespace docsearch::ingest {
namespace {

// A caption is a sentence or two under a photo; longer lines are text.
constexpr size_t kLongestCaption = 320;
// A credit names a photographer, an agency or both, with a path of
// sources ("Rosinei Coutinho/SCO/STF").
constexpr int kMostCreditWords = 6;
// The fewest words of a caption before its credit.
constexpr int kLeastCaptionWords = 2;

// Where a credit opens, after the caption's words (folded).
constexpr absl::string_view kCreditKeys[] = {
    " photo: ",   " photo : ",       " photos: ",       " foto: ",    " foto : ",
    " fotos: ",   " credit: ",       " credits: ",      " credit : ", " image: ",
    " picture: ", " photo credit: ", " bildnachweis: ",
};

// Words of a credit (after its key): a few, and none ending a sentence
// with more after it.
bool IsCredit(absl::string_view credit) {
  credit = absl::StripAsciiWhitespace(credit);
  absl::ConsumeSuffix(&credit, ")");
  if (credit.empty() || absl::EndsWith(credit, ".") || absl::EndsWith(credit, ":")) return false;
  const std::vector<absl::string_view> words =
      absl::StrSplit(credit, absl::ByAnyChar(" \t"), absl::SkipEmpty());
  if (words.empty() || static_cast<int>(words.size()) > kMostCreditWords) return false;
  // "U.S. Navy", "Sgt. Smith" are names; "Smith. The minister" goes on.
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (absl::EndsWith(words[i], ".") &&
        !absl::StrContains(words[i].substr(0, words[i].size() - 1), '.') && words[i].size() > 4) {
      return false;
    }
  }
  return true;
}

// A banner's line alone: "Here's how you know" (the United States
// government's banner), "Here is how you know".
bool IsHowYouKnowBanner(absl::string_view folded) {
  constexpr size_t kLongestBanner = 24;
  return folded.size() <= kLongestBanner && absl::StartsWith(folded, "here") &&
         absl::EndsWith(folded, "how you know");
}

// The banner of every United States government site: "Official websites
// use .gov", "A .gov website belongs to an official government
// organization in the United States.", "Secure .gov websites use HTTPS".
// Each opens its line; a text quoting the banner's words inside a sentence
// is the text's.
bool IsDotGovBanner(absl::string_view folded) {
  for (absl::string_view opening :
       {"official websites use .gov", "a .gov website belongs to an official government",
        "secure .gov websites use https"}) {
    if (absl::StartsWith(folded, opening)) return true;
  }
  return absl::StartsWith(folded, "a lock") &&
         absl::StrContains(folded, "safely connected to the .gov website");
}

// "Best viewed in 1024 x 768 resolution", "Best viewed with Firefox or
// Chrome": advice about the reader's screen or browser, not a comet's
// visibility ("best viewed with binoculars").
bool IsBrowserAdvice(absl::string_view folded) {
  if (!absl::StrContains(folded, "best viewed")) return false;
  for (absl::string_view screen : {"resolution", "browser", "pixels", " x 7", " x 6", "firefox",
                                   "chrome", "internet explorer", "safari"}) {
    if (absl::StrContains(folded, screen)) return true;
  }
  return false;
}

// "Problems viewing this page? …", "External links to other Internet sites
// should not be construed as an endorsement …": the site about its pages
// and links, never a text's own sentence about its subject.
bool IsSiteDisclaimer(absl::string_view folded) {
  if (absl::StartsWith(folded, "problems viewing this page")) return true;
  const bool endorsement = absl::StrContains(folded, "construed as an endorsement") ||
                           absl::StrContains(folded, "constitute an endorsement");
  return endorsement &&
         (absl::StrContains(folded, "external links") ||
          absl::StrContains(folded, "links to other") ||
          absl::StrContains(folded, "internet sites") || absl::StrContains(folded, "linked sites"));
}

// An acknowledgement of country printed by the site ("We acknowledge …
// Traditional Owners and Custodians … We pay our respects to Elders past
// and present", "The Parliament of Australia acknowledges the Traditional
// Custodians …", the government's wording "… acknowledges the Traditional
// Custodians of Country throughout Australia …"), on one line or on two
// ("We acknowledge the Traditional Custodians of the lands where we work
// and live." / "We pay our respects to Elders past, present and emerging
// …"), not one a speaker makes ("Can I begin by acknowledging …", "Before
// I begin, I acknowledge …", "Let me acknowledge …").
bool IsSitesAcknowledgementOfCountry(absl::string_view folded) {
  const std::string spaced = absl::StrCat(" ", folded, " ");
  for (absl::string_view speaker : {" i ", " i'd ", " i'm ", " my ", " me ", " let me "}) {
    if (absl::StrContains(spaced, speaker)) return false;
  }
  // The site's formula, not a text's sentence going on about a place or a
  // people ("… of the land on which the school stands, …", "…, and we
  // honour the survivors of the Stolen Generations …").
  constexpr int kMostFormulaWords = 40;
  if (CountWordsUpTo(folded, kMostFormulaWords + 1) > kMostFormulaWords ||
      absl::StrContains(folded, " on which the ") || absl::StrContains(folded, " and we ")) {
    return false;
  }
  if (absl::StartsWith(folded, "we pay our respects to elders past")) return true;
  const bool custodians = absl::StrContains(folded, "traditional custodians") ||
                          absl::StrContains(folded, "traditional owners");
  if (!custodians) return false;
  // "… of the lands where we work and live", "… throughout Australia".
  if (absl::StartsWith(folded, "we acknowledge the traditional") &&
      (absl::StrContains(folded, "where we ") || absl::StrContains(folded, "throughout") ||
       absl::StrContains(folded, " of country") || absl::StrContains(folded, "elders past"))) {
    return true;
  }
  const bool sites_wording =
      absl::StrContains(folded, "elders past") ||
      absl::StrContains(folded, "custodians of country throughout australia");
  return sites_wording && (absl::StartsWith(folded, "we acknowledge") ||
                           absl::StrContains(folded, " acknowledges the traditional"));
}

}  // namespace

bool IsCaptionWithCredit(absl::string_view trimmed) {
  // Every key holds a colon and the sign its last byte: most lines hold
  // neither and are not lowered or searched.
  if (trimmed.size() > kLongestCaption ||
      trimmed.find_first_of(":\xA9") == absl::string_view::npos) {
    return false;
  }
  // The keys are ASCII: lowering keeps every byte's offset.
  const std::string lower = absl::AsciiStrToLower(trimmed);
  // A credit is a name: it opens with a capital ("Photo: Europol"), where a
  // sentence's "image: a dove" does not.
  auto credit_at = [&](size_t at) {
    const absl::string_view credit = absl::StripLeadingAsciiWhitespace(trimmed.substr(at));
    return !credit.empty() &&
           (absl::ascii_isupper(static_cast<unsigned char>(credit.front())) ||
            static_cast<unsigned char>(credit.front()) >= 0xC0) &&
           IsCredit(credit);
  };
  // The caption's own words before the credit: a few at least ("Photo:
  // Europol" alone is a credit line, read elsewhere).
  // The caption is a sentence of its own before the key ("… the action
  // day. Photo: Europol"); "Tax Credit: up to 1,200 dollars" and "the
  // country's image: open for business" are one sentence going on.
  // Or the caption and the credit parted by a dash ("Closing session in
  // the plenary, in Brasília - Foto: Luiz Roberto/Secom/TSE").
  // Only a photo's credit is parted so ("Catalogue entry – Image: A1200"
  // is a record's field).
  auto caption_before = [&](size_t at, bool dash_allowed = false) {
    absl::string_view caption = absl::StripTrailingAsciiWhitespace(trimmed.substr(0, at));
    bool parted = false;
    for (absl::string_view dash : {" -", " \xE2\x80\x93", " \xE2\x80\x94", " |"}) {
      if (dash_allowed && absl::ConsumeSuffix(&caption, dash)) {
        parted = true;
        break;
      }
    }
    return CountWordsUpTo(caption, kLeastCaptionWords) >= kLeastCaptionWords &&
           (parted || EndsSentence(caption));
  };
  // "… eastern Chad. © UNHCR/Issa Mahamat": a caption's sentence before
  // the sign; "© UNHCR 2001-2024" alone is a copyright line.
  const size_t sign = trimmed.rfind("\xC2\xA9");
  if (sign != absl::string_view::npos && sign > 0 && trimmed[sign - 1] == ' ' &&
      caption_before(sign) && credit_at(sign + 2)) {
    return true;
  }
  for (absl::string_view key : kCreditKeys) {
    const size_t at = absl::string_view(lower).rfind(key);
    if (at == absl::string_view::npos || at == 0) continue;
    const bool photo = absl::StrContains(key, "photo") || absl::StrContains(key, "foto");
    if (caption_before(at, photo) && credit_at(at + key.size())) return true;
  }
  return false;
}

bool IsCaptionOverCreditLine(absl::string_view caption, absl::string_view credit_line) {
  constexpr int kMostCreditLineWords = 5;
  caption = absl::StripAsciiWhitespace(caption);
  credit_line = absl::StripAsciiWhitespace(credit_line);
  if (caption.empty() || credit_line.empty() ||
      CountWordsUpTo(credit_line, kMostCreditLineWords + 1) > kMostCreditLineWords ||
      credit_line.find_first_of("0123456789") != absl::string_view::npos) {
    return false;
  }
  const std::string lower = absl::AsciiStrToLower(credit_line);
  for (absl::string_view notice : {"copyright", "rights", "reserved", "droits", "rechte"}) {
    if (absl::StrContains(lower, notice)) return false;
  }
  // A caption is a short description: no quotation, no one speaking, a
  // sentence of a few words; a paragraph of the text is longer or quotes.
  constexpr int kMostCaptionWords = 25;
  const std::string caption_lower = absl::AsciiStrToLower(caption);
  if (CountWordsUpTo(caption, kMostCaptionWords + 1) > kMostCaptionWords ||
      caption.find_first_of("\"") != absl::string_view::npos ||
      absl::StrContains(caption, "\xE2\x80\x9C") || absl::StrContains(caption, "\xC2\xAB") ||
      absl::StrContains(caption_lower, " said") || absl::StrContains(caption_lower, " says")) {
    return false;
  }
  return IsCaptionWithCredit(absl::StrCat(caption, " ", credit_line));
}

bool IsWebArchiveToolbar(absl::string_view folded) {
  constexpr size_t kLongestToolbarLine = 400;
  if (folded.size() > kLongestToolbarLine) return false;
  if (absl::StrContains(folded, "web.archive.org/web/") ||
      absl::StrContains(folded, "crawl data to the internet archive")) {
    return true;
  }
  for (absl::string_view line :
       {"internet archive", "wayback machine", "internet archive wayback machine"}) {
    if (folded == line) return true;
  }
  return false;
}

// A site's sentence about itself: "Treasury.gov is the official website of
// the U.S. Department of the Treasury.", "Content on this website is
// published and managed by the Ministry …", "All content is in the public
// domain unless otherwise stated.", "Dit is een website van het Ministerie
// van Defensie.", "A Singapore Government Agency Website". Anchored on the
// site as the sentence's subject, so that a text citing a website ("the
// ministry's website lists …") stays.
bool IsSiteSelfDescription(absl::string_view folded) {
  constexpr size_t kLongestDescription = 200;
  if (folded.size() > kLongestDescription) return false;
  // Who runs the website: "This website is managed by …", "Ce site internet
  // est édité par …". Not what it offers ("This website is designed to …",
  // a release launching it) nor a place ("This site is one of …", "Este
  // sitio es Patrimonio Mundial", "Ce site est géré par l'Office national
  // des forêts": a heritage site, a forest).
  for (absl::string_view website :
       {"this website is ", "this web site is ", "ce site internet est ", "ce site web est ",
        "este sitio web es ", "este sitio web esta ", "questo sito web e ", "este site e ",
        "diese website wird "}) {
    if (!absl::StartsWith(folded, website)) continue;
    const absl::string_view rest = folded.substr(website.size());
    for (absl::string_view run_by :
         {"managed by", "maintained by", "run by", "operated by", "published by", "owned by",
          "administered by", "provided by", "an official", "the official", "edite par", "gere par",
          "administre par", "administrado por", "gestionado por", "gestito da", "mantido por",
          "gerido por", "von "}) {
      if (absl::StartsWith(rest, run_by)) return true;
    }
  }
  // "This site is managed by the Bureau of Public Affairs, U.S. Department
  // of State.": a site run by a public body ("This site is managed by the
  // National Trust" may be a castle).
  for (absl::string_view run_by : {"this site is managed by ", "this site is maintained by ",
                                   "this site is operated by ", "this site is run by "}) {
    if (!absl::StartsWith(folded, run_by)) continue;
    for (absl::string_view body : {"department", "ministry", "office", "bureau", "agency",
                                   "government", "embassy", "secretariat", "commission"}) {
      if (absl::StrContains(folded.substr(run_by.size()), body)) return true;
    }
  }
  for (absl::string_view opening :
       {"content on this website", "content of this website", "contents of this website",
        "all content on this website", "all content is in the public domain",
        "dit is een website van", "dit is een officiele website van",
        "dies ist die offizielle website", "ce site est edite par"}) {
    if (absl::StartsWith(folded, opening)) return true;
  }
  // "Ein Angebot des Bundesministeriums der Finanzen": a short line, no
  // sentence ("Ein Angebot der Arbeitgeberseite liegt vor." is news).
  if ((absl::StartsWith(folded, "ein angebot des ") ||
       absl::StartsWith(folded, "ein angebot der ")) &&
      CountWordsUpTo(folded, 9) <= 8 && !absl::EndsWith(folded, ".")) {
    return true;
  }
  // "Treasury.gov is the official website of …": the site named by its
  // address, in one short sentence.
  constexpr size_t kLongestNamingSentence = 120;
  const size_t space = folded.find(' ');
  if (folded.size() <= kLongestNamingSentence && space != absl::string_view::npos &&
      folded.substr(0, space).find('.') != absl::string_view::npos) {
    for (absl::string_view phrase :
         {" is the official website of ", " is an official website of ",
          " is the official web site of ", " is the official portal of ", " is a website of ",
          " est le site officiel ", " ist die offizielle website ", " es el sitio oficial ",
          " e o site oficial ", " e il sito ufficiale "}) {
      if (folded.substr(space).find(phrase) == 0) return true;
    }
  }
  // "A Singapore Government Agency Website": the banner of a country's
  // agencies' sites.
  return absl::StartsWith(folded, "a ") && absl::EndsWith(folded, "government agency website");
}

namespace {

// Words one of the notices holds (below), and those a site's sentence
// about itself holds.
constexpr absl::string_view kNoticeWords[] = {
    "know", "view",  "endorsement", "elders", "custodians", ".gov",
    "site", "sitio", "sito",        "portal", "content",    "angebot",
};
constexpr PhraseScan<std::size(kNoticeWords)> kNoticeWordScan(kNoticeWords);
constexpr absl::string_view kSiteWords[] = {"site",   "sitio",   "sito",
                                            "portal", "content", "angebot"};
constexpr PhraseScan<std::size(kSiteWords)> kSiteWordScan(kSiteWords);

}  // namespace

bool IsSiteNotice(absl::string_view folded) {
  constexpr size_t kLongestNotice = 400;
  if (folded.size() > kLongestNotice) return false;
  // Every notice holds one of these words: most lines are read once, by one
  // scan for all of them.
  if (kNoticeWordScan.Count(folded, 1) == 0) return false;
  const bool about_the_site = kSiteWordScan.Count(folded, 1) > 0;
  return IsHowYouKnowBanner(folded) || IsDotGovBanner(folded) || IsBrowserAdvice(folded) ||
         IsSiteDisclaimer(folded) || IsSitesAcknowledgementOfCountry(folded) ||
         (about_the_site && IsSiteSelfDescription(folded));
}

bool IsWatchOrShareLink(absl::string_view folded) {
  constexpr size_t kLongestLink = 60;
  if (folded.size() > kLongestLink) return false;
  for (absl::string_view opening :
       {"watch the video", "watch the webcast", "watch the livestream", "watch the full video"}) {
    if (absl::StartsWith(folded, opening)) return true;
  }
  for (absl::string_view share : {"compartilhe por ", "compartilhe no ", "compartilhe na ",
                                  "compartir por ", "condividi su ", "partager sur "}) {
    if (absl::StartsWith(folded, share)) return true;
  }
  return false;
}

}  // namespace docsearch::ingest
