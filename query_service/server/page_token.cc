#include "query_service/server/page_token.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <bit>

#include "absl/base/internal/endian.h"
#include "absl/strings/escaping.h"

namespace docsearch::query {
namespace {

constexpr char kTokenVersion = 2;
// Version, fingerprint, day, score bits; then the id.
constexpr size_t kFixedBytes = 1 + 8 + 4 + 4;

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
  // They change what query_string means, so a page of one is no page of the
  // other.
  bound.set_default_operator(request.default_operator());
  bound.set_minimum_should_match(request.minimum_should_match());
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

std::string EncodePageToken(const PageCursor& cursor, uint64_t fingerprint) {
  std::string raw(kFixedBytes, '\0');
  raw[0] = kTokenVersion;
  absl::little_endian::Store64(raw.data() + 1, fingerprint);
  absl::little_endian::Store32(raw.data() + 9, static_cast<uint32_t>(cursor.day));
  absl::little_endian::Store32(raw.data() + 13, std::bit_cast<uint32_t>(cursor.score));
  raw += cursor.id;
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<std::optional<PageCursor>> DecodePageToken(
    const docsearch::v1::SearchRequest& request) {
  if (request.page_token().empty()) return std::nullopt;
  std::string raw;
  if (!absl::WebSafeBase64Unescape(request.page_token(), &raw) || raw.size() <= kFixedBytes ||
      raw[0] != kTokenVersion) {
    return absl::InvalidArgumentError(
        "page_token is malformed; pass the next_page_token of a previous response unchanged");
  }
  if (absl::little_endian::Load64(raw.data() + 1) != RequestFingerprint(request)) {
    return absl::InvalidArgumentError(
        "page_token belongs to a different query or sort order; start again without page_token");
  }
  PageCursor cursor;
  cursor.day = static_cast<int32_t>(absl::little_endian::Load32(raw.data() + 9));
  cursor.score = std::bit_cast<float>(absl::little_endian::Load32(raw.data() + 13));
  cursor.id = raw.substr(kFixedBytes);
  return cursor;
}

}  // namespace docsearch::query
