// One-shot zstd frames for the raw bytes the ingest service keeps with each
// document (Document.raw): compressed once at ingest, decompressed only when
// the document is parsed again, so a plain frame with its content size in
// the header is all that is needed (no dictionary, no streaming).
//
// Thread safety: both functions are pure; call them from any thread.
#ifndef DOCSEARCH_COMMON_ZSTD_FRAME_H_
#define DOCSEARCH_COMMON_ZSTD_FRAME_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace docsearch {

// Level 3, zstd's default: raw pages compress about 3-4x at it, and higher
// levels cost several times the CPU for a few percent.
inline constexpr int kRawCompressionLevel = 3;

// `bytes` as one zstd frame that records its content size.
std::string CompressZstdFrame(std::string_view bytes, int level = kRawCompressionLevel);

// The content of `frame`. DATA_LOSS when it is not one whole zstd frame
// with its content size recorded; RESOURCE_EXHAUSTED when that size exceeds
// `max_bytes` (checked before anything is allocated, so a hostile frame
// cannot claim gigabytes).
absl::StatusOr<std::string> DecompressZstdFrame(std::string_view frame, size_t max_bytes);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_ZSTD_FRAME_H_
