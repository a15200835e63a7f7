#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_CONTACT_LINES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_CONTACT_LINES_H_

#include "absl/strings/string_view.h"

// The lines of a page that tell how to reach its publisher, not what the
// text says: numbers, keyed numbers, addresses, post codes and contact
// headings. boilerplate.h reads them as furniture. `folded` arguments are
// FoldAccents of the trimmed line; `edges` that with its furniture edges
// (pipes, bullets, dashes) taken off.
namespace docsearch::ingest {

// "+32 (0)2 707 50 41": digits, spaces and + ( ) - / . only, eight digits
// or more.
bool IsPhoneLike(absl::string_view text);

// "Tel. +372 637 7654", "Fax 32 2 707 50 41": a telephone key, then only a
// number.
bool IsKeyedNumber(absl::string_view folded);

// A number alone (not a date in figures), a keyed number, "Contact:" opening
// the line, or a contact key before a colon ("Tel: …", "E-mail: …").
bool IsPhoneFaxLine(absl::string_view folded);

// E-mail and web addresses only, between separators: an e-mail address, or
// two addresses or more.
bool IsAddressesOnly(absl::string_view folded);

// "B-1110 Brussels/Bruxelles": a country letter, a dash, a post code, a town.
bool IsPostalLine(absl::string_view text);

// "Contact Information ISAF Public Affairs Office": a contact heading with
// the office it names, on one line.
bool IsContactHeading(absl::string_view edges);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_CONTACT_LINES_H_
