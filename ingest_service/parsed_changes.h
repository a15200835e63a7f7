// Which fields of a document a new parse changed: what Reparse reports per
// field and what decides whether a document is rewritten.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSED_CHANGES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSED_CHANGES_H_

#include <string>
#include <vector>

#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

// The names of the Document fields in which `reparsed` differs from
// `stored`, in field order; empty when the parse gives the same document.
// Compared are the fields the parser makes: not the id (kept), ingested_at
// (the query service's stamp) or raw (the input, not the output); the
// fingerprint's MinHash values on the bits the query service keeps.
std::vector<std::string> ChangedFields(const docsearch::v1::Document& stored,
                                       const docsearch::v1::Document& reparsed);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSED_CHANGES_H_
