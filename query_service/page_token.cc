#include "query_service/page_token.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "absl/base/internal/endian.h"
#include "absl/strings/escaping.h"

namespace docsearch::query {
namespace {

constexpr char kTokenVersion = 1;
constexpr size_t kTokenBytes = 1 + 8 + 8;

// FNV-1a: stable across processes and restarts, unlike absl::Hash, so a
// token stays valid for as long as its query means the same thing.
uint64_t Fnv1a(const std::string& bytes) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

}  // namespace

uint64_t RequestFingerprint(const docsearch::v1::SearchRequest& request) {
  docsearch::v1::SearchRequest bound;
  *bound.mutable_query() = request.query();
  bound.set_query_string(request.query_string());
  bound.set_sort(request.sort());
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    bound.SerializeToCodedStream(&coded);
  }
  return Fnv1a(bytes);
}

std::string EncodePageToken(uint64_t offset, uint64_t fingerprint) {
  char raw[kTokenBytes];
  raw[0] = kTokenVersion;
  absl::little_endian::Store64(raw + 1, offset);
  absl::little_endian::Store64(raw + 9, fingerprint);
  return absl::WebSafeBase64Escape(absl::string_view(raw, sizeof raw));
}

absl::StatusOr<uint64_t> DecodePageToken(const docsearch::v1::SearchRequest& request) {
  if (request.page_token().empty()) return 0;
  std::string raw;
  if (!absl::WebSafeBase64Unescape(request.page_token(), &raw) || raw.size() != kTokenBytes ||
      raw[0] != kTokenVersion) {
    return absl::InvalidArgumentError(
        "page_token is malformed; pass the next_page_token of a previous response unchanged");
  }
  if (absl::little_endian::Load64(raw.data() + 9) != RequestFingerprint(request)) {
    return absl::InvalidArgumentError(
        "page_token belongs to a different query or sort order; start again without page_token");
  }
  return absl::little_endian::Load64(raw.data() + 1);
}

}  // namespace docsearch::query
