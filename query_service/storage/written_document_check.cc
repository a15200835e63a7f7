#include "query_service/storage/written_document_check.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/document_id.h"
#include "common/request_decoding.h"
#include "common/utf8_text.h"
#include "query_service/index/field_schema.h"

namespace docsearch::query {

absl::Status CheckWrittenDocument(const docsearch::v1::Document& document, int position) {
  if (absl::Status id =
          CheckDocumentId(document.id(), absl::StrCat("documents[", position, "].id"));
      !id.ok()) {
    return id;
  }
  if (absl::Status values = CheckValues(document, absl::StrCat("documents[", position, "]"));
      !values.ok()) {
    return values;
  }
  if (document.has_published()) {
    const docsearch::v1::Date& date = document.published();
    int days = 0;
    if (date.year() < kMinDocumentYear || date.year() > kMaxDocumentYear ||
        !DateToDays(date, &days)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "documents[%d] ('%s').published: %d-%02d-%02d is not a calendar date with a year from "
          "%d to %d",
          position, TruncatedForMessage(document.id()), date.year(), date.month(), date.day(),
          kMinDocumentYear, kMaxDocumentYear));
    }
  }
  return absl::OkStatus();
}

}  // namespace docsearch::query
