#include "common/zstd_frame.h"

#include <zstd.h>

#include "absl/strings/str_cat.h"

namespace docsearch {

std::string CompressZstdFrame(std::string_view bytes, int level) {
  std::string frame(ZSTD_compressBound(bytes.size()), '\0');
  const size_t size = ZSTD_compress(frame.data(), frame.size(), bytes.data(), bytes.size(), level);
  // Into a buffer of ZSTD_compressBound bytes compression fails only for
  // lack of memory; an empty frame then reads back as DATA_LOSS.
  frame.resize(ZSTD_isError(size) ? 0 : size);
  return frame;
}

absl::StatusOr<std::string> DecompressZstdFrame(std::string_view frame, size_t max_bytes) {
  const unsigned long long content_size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (content_size == ZSTD_CONTENTSIZE_ERROR || content_size == ZSTD_CONTENTSIZE_UNKNOWN) {
    return absl::DataLossError("not a zstd frame with its content size");
  }
  if (content_size > max_bytes) {
    return absl::ResourceExhaustedError(absl::StrCat("the frame holds ", content_size,
                                                     " bytes, more than the limit of ", max_bytes));
  }
  std::string content(content_size, '\0');
  const size_t size = ZSTD_decompress(content.data(), content.size(), frame.data(), frame.size());
  if (ZSTD_isError(size) || size != content.size()) {
    return absl::DataLossError(
        absl::StrCat("the zstd frame does not decompress: ",
                     ZSTD_isError(size) ? ZSTD_getErrorName(size) : "short content"));
  }
  return content;
}

}  // namespace docsearch
