// Header fields printed above a text that was saved from a mailbox or
// exported from a news database, rather than from the publisher's page:
//
//   From: Press Office <press@example.org>      HEADLINE: Minister visits …
//   Sent: Thursday 18 June 2020 00:07           BYLINE: Senator …
//   To: …                                       SECTION: MEDIA RELEASE
//   Subject: Press Release: Minister …          LENGTH: 468 words
//                                               BODY:
//
// The fields are the message's or the database's, not the text's: the
// date a message was sent is not the date of the release it carries. The
// layout readers would take them for a head of short lines and dates.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_MESSAGE_HEADERS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_MESSAGE_HEADERS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// A header line taken out of the text, as it was printed.
struct RemovedHeaderLine {
  int number = 0;  // 1-based line number.
  std::string text;
};

struct TextWithoutHeaders {
  std::string text;
  std::vector<RemovedHeaderLine> removed;
  // The value of a blanked e-mail's Sent or Date field: the text's date
  // only when the text prints none.
  std::string sent;
};

// `text` with its message or export headers read:
//   - an e-mail header block (three fields or more, From and Subject among
//     them, a Sent field or an address among its values, within the first
//     twelve lines) is blanked, with the mail system's notices right under
//     it or at the end; its Subject is kept as a line of its own only when
//     the text does not print the headline again below; a memo's own To /
//     From / Date / Subject lines (no address, no Sent) stay;
//   - a news database's fields (three or more of HEADLINE, BYLINE,
//     SECTION, LENGTH, BODY, LOAD-DATE, …, above the first sentence and
//     within the first forty lines, HEADLINE or BODY among them) give their
//     values where a reader needs them (HEADLINE's headline, SECTION's
//     label) and are blanked otherwise, with the closing fields of the last
//     ten lines and the database's counters at the top ("Page 1", "12 of
//     47 DOCUMENTS").
// Lines keep their number and order; a text with neither is returned as
// it came.
TextWithoutHeaders WithoutMessageHeaders(std::string text);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_MESSAGE_HEADERS_H_
