// JSON documents: one object with the fields id, source_uri, title,
// published, body and attributes, e.g.
//   {"id": "p011218e", "title": "PJC Meeting", "published": "2001-12-18",
//    "body": "The NATO-Russia Permanent Joint Council ...",
//    "attributes": {"source": "nato.int", "pages": 3, "weight": 0.5,
//                   "signed": {"date": "2001-12-18"}}}
// JSON is read by protobuf's JSON parser into a google.protobuf.Struct, so
// no hand-written JSON parsing is involved.
//
// Attribute values: a string is a keyword, an integral number an integer, any
// other number a double, {"date": "YYYY-MM-DD"} a date.
//
// Errors (INVALID_ARGUMENT, naming the field): not JSON, not an object, "body"
// missing or not a string, other known fields of the wrong kind, an attribute
// value of another shape or an unreadable attribute date. An unreadable
// "published" is only a warning (the body's own date line may still serve).
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_JSON_DOCUMENT_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_JSON_DOCUMENT_H_

#include <map>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

struct JsonDocument {
  std::string id;
  std::string source_uri;
  std::string title;
  std::string body;
  // The "published" value as given, and its date when readable.
  std::string published_text;
  std::optional<docsearch::v1::Date> published;
  std::map<std::string, docsearch::v1::AttributeValue> attributes;
};

absl::StatusOr<JsonDocument> ParseJsonDocument(absl::string_view json);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_JSON_DOCUMENT_H_
