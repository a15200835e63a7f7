#include "ingest_service/parser/contact_lines.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/date_parser.h"

namespace docsearch::ingest {

bool IsPhoneLike(absl::string_view text) {
  // "+32 (0)2 707 50 41": digits, spaces, + ( ) - / . only, at least 8 digits.
  int digits = 0;
  for (char c : text) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (absl::string_view(" +()-/.").find(c) == absl::string_view::npos) {
      return false;
    }
  }
  return digits >= 8;
}

// "Tel. +372 637 7654", "Fax 32 2 707 50 41": a telephone key opening the
// line, an optional period, then nothing but a number.
bool IsKeyedNumber(absl::string_view folded) {
  for (absl::string_view key : {"telephone", "tel", "fax", "phone"}) {
    if (!absl::StartsWith(folded, key)) continue;
    absl::string_view rest = folded.substr(key.size());
    if (absl::StartsWith(rest, ".")) rest.remove_prefix(1);
    if (rest.empty() || rest.front() != ' ') return false;
    return IsPhoneLike(absl::StripAsciiWhitespace(rest));
  }
  return false;
}

// "Tel: ...", "Tél. : ...", "Fax :", "E-mail: ...": a contact key, an optional
// period, spaces, then a colon.
bool IsPhoneFaxLine(absl::string_view folded) {
  // A date in figures ("25/06/2018", "11-07-2016", "2016-07-11") has the
  // shape of a short number: it is the text's date, not a contact.
  if (IsPhoneLike(folded) && !ParseDateLine(folded).has_value()) return true;
  if (IsKeyedNumber(folded)) return true;
  // A key is followed by a colon: a line without one is not searched.
  if (folded.size() > 160 || !absl::StrContains(folded, ':')) return false;
  // "Contact:" opens a contact line; inside a sentence ("points of
  // contact: the two embassies") the word is the text's.
  for (absl::string_view key : {"contacts", "contact"}) {
    absl::string_view rest = folded;
    if (absl::ConsumePrefix(&rest, key) &&
        absl::StartsWith(absl::StripLeadingAsciiWhitespace(rest), ":")) {
      return true;
    }
  }
  for (absl::string_view key :
       {"tel", "fax", "telephone", "phone", "email", "e-mail", "courriel", "telecopie"}) {
    for (size_t at = folded.find(key); at != absl::string_view::npos;
         at = folded.find(key, at + 1)) {
      if (at > 0 && absl::ascii_isalpha(static_cast<unsigned char>(folded[at - 1]))) continue;
      size_t j = at + key.size();
      if (j < folded.size() && folded[j] == '.') ++j;
      while (j < folded.size() && folded[j] == ' ') ++j;
      if (j < folded.size() && folded[j] == ':') return true;
    }
  }
  return false;
}

// "press.office@consilium.europa.eu - www.consilium.europa.eu/press": a
// line of e-mail and web addresses only, between separators, with an
// e-mail address or more than one address; a text names an address inside
// a sentence.
bool IsAddressesOnly(absl::string_view folded) {
  if (folded.size() > 200) return false;
  int addresses = 0;
  bool any_mail = false;
  for (absl::string_view token : absl::StrSplit(folded, ' ', absl::SkipEmpty())) {
    if (token == "-" || token == "|" || token == "/" || token == "\xE2\x80\x93" ||
        token == "\xC2\xB7") {
      continue;
    }
    const size_t at = token.find('@');
    const bool mail =
        at != absl::string_view::npos && at > 0 && token.find('.', at) != absl::string_view::npos;
    const bool web = absl::StartsWith(token, "www.") || absl::StartsWith(token, "http://") ||
                     absl::StartsWith(token, "https://");
    if (!mail && !web) return false;
    ++addresses;
    any_mail |= mail;
  }
  // A lone web address is often the text's own link ("The report is at" /
  // "https://…"); an e-mail address, or several addresses, are a contact.
  return any_mail || addresses >= 2;
}

bool IsPostalLine(absl::string_view text) {
  // "B-1110 Brussels/Bruxelles": country letter, dash, 4-5 digit post code.
  if (text.size() > 50 || text.size() < 8) return false;
  if (!absl::ascii_isupper(static_cast<unsigned char>(text[0])) || text[1] != '-') return false;
  size_t i = 2;
  while (i < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) ++i;
  return i >= 6 && i <= 7 && i < text.size() && text[i] == ' ';
}

// "Contact Information ISAF Public Affairs Office", "Media contact: Press
// Office": a contact heading with the office it names, fused on one line.
bool IsContactHeading(absl::string_view edges) {
  if (edges.size() > 80 || absl::EndsWith(edges, ".")) return false;
  for (absl::string_view heading :
       {"contact information", "media contact", "press contact", "contact presse"}) {
    absl::string_view rest = edges;
    if (!absl::ConsumePrefix(&rest, heading)) continue;
    absl::ConsumePrefix(&rest, "s");
    // The heading, then the office it names ("… Public Affairs Office").
    if (!rest.empty() && (rest.front() == ' ' || rest.front() == ':') &&
        !absl::StripLeadingAsciiWhitespace(rest.substr(1)).empty()) {
      return true;
    }
  }
  return false;
}

}  // namespace docsearch::ingest
