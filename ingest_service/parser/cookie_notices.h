#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_COOKIE_NOTICES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_COOKIE_NOTICES_H_

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// A site's cookie notice, in any of the languages that borrowed the word:
// "We use cookies to give you the best possible experience", "Este sitio
// web utiliza cookies", "Ce site utilise des cookies", a banner's heading
// or button ("Cookies on GOV.UK", "Accept additional cookies"). The word
// "cookie" with the site or the reader as the one who uses or accepts them
// ("we use", "this website", "your browser", "vous acceptez"), or, on a
// line of a few words, with a banner's control ("accept", "reject",
// "settings"), all matched as whole words. A press release about cookie
// rules speaks of users, consent and sites in the third person, and keeps
// its sentences ("Refusing cookies must be as easy as accepting them").
//
// `folded` is FoldAccents of the trimmed line. boilerplate.h reads such a
// line as the site's furniture ("site").
bool IsCookieNotice(absl::string_view folded);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_COOKIE_NOTICES_H_
