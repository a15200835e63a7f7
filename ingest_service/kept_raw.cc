#include "ingest_service/kept_raw.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/zstd_frame.h"

namespace docsearch::ingest {

docsearch::v1::KeptRaw KeepRaw(const docsearch::v1::RawDocument& raw) {
  docsearch::v1::KeptRaw kept;
  kept.set_zstd_content(CompressZstdFrame(raw.content()));
  kept.set_content_bytes(static_cast<int64_t>(raw.content().size()));
  if (raw.content_type() != docsearch::v1::CONTENT_TYPE_UNSPECIFIED) {
    kept.set_content_type(docsearch::v1::ContentType_Name(raw.content_type()));
  }
  kept.set_source_uri(raw.source_uri());
  return kept;
}

absl::StatusOr<docsearch::v1::RawDocument> RawDocumentFromKept(const docsearch::v1::KeptRaw& kept,
                                                               const std::string& id,
                                                               size_t max_bytes) {
  docsearch::v1::RawDocument raw;
  absl::StatusOr<std::string> content = DecompressZstdFrame(kept.zstd_content(), max_bytes);
  if (!content.ok()) {
    return absl::Status(content.status().code(),
                        absl::StrCat("raw.zstd_content: ", content.status().message()));
  }
  raw.set_content(*std::move(content));
  if (!kept.content_type().empty()) {
    docsearch::v1::ContentType type;
    if (!docsearch::v1::ContentType_Parse(kept.content_type(), &type)) {
      return absl::DataLossError(
          absl::StrCat("raw.content_type: '", kept.content_type(), "' is not a ContentType"));
    }
    raw.set_content_type(type);
  }
  raw.set_source_uri(kept.source_uri());
  raw.set_id(id);
  return raw;
}

}  // namespace docsearch::ingest
