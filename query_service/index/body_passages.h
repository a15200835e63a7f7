#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_BODY_PASSAGES_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_BODY_PASSAGES_H_

#include <string>
#include <vector>

#include "docsearch/v1/document.pb.h"

namespace docsearch::query {

// The text a document shows in its body, paragraph by paragraph (subtitle,
// paragraphs, footnotes). Snippets are cut from these passages; the body
// field indexes them in this order, so passage offsets agree.
std::vector<std::string> BodyPassages(const docsearch::v1::Document& document);

// The words the page printed around its title that the parser lifted out of
// the text into fields of their own: the type label as printed ("Communiqué
// final", "Press Release") and the reference ("Press Release (97)87"). A
// reader sees them, and a query such as "communiqué final réunion
// ministérielle" names them; empty when the page printed neither.
std::string PrintedHeadWords(const docsearch::v1::Document& document);

// What the body field indexes: BodyPassages, then PrintedHeadWords as one
// more passage when there are any. The head words come last so that the
// passage numbers snippets use stay those of BodyPassages; a snippet is never
// cut from the head words (BodyPassages does not hold them).
std::vector<std::string> IndexedBodyPassages(const docsearch::v1::Document& document);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_BODY_PASSAGES_H_
