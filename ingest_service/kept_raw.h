// The raw bytes the ingest service keeps with each document (--keep_raw,
// Document.raw), and the RawDocument they give back for parsing again.
//
// The bytes are kept as the caller sent them, before any decoding or
// normalization, with the caller's own hints (content type, source URI):
// a later parser must see exactly what the first one saw, or an improved
// encoding detector or normalizer could never reach old documents.
#ifndef DOCSEARCH_INGEST_SERVICE_KEPT_RAW_H_
#define DOCSEARCH_INGEST_SERVICE_KEPT_RAW_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "docsearch/v1/document.pb.h"
#include "docsearch/v1/ingest_service.pb.h"

namespace docsearch::ingest {

// `raw`'s content compressed (one zstd frame) with its content type and
// source URI.
docsearch::v1::KeptRaw KeepRaw(const docsearch::v1::RawDocument& raw);

// The RawDocument `kept` was made from, with `id` as its explicit id (so a
// parser that derives ids differently cannot move the document). Errors:
// DATA_LOSS when the frame does not decompress or the content type is not
// a ContentType name; RESOURCE_EXHAUSTED when the content is larger than
// `max_bytes`.
absl::StatusOr<docsearch::v1::RawDocument> RawDocumentFromKept(const docsearch::v1::KeptRaw& kept,
                                                               const std::string& id,
                                                               size_t max_bytes);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_KEPT_RAW_H_
