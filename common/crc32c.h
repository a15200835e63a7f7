// CRC-32C (Castagnoli), the checksum of the write-ahead log's records.
//
// Debian 12 packages no standalone CRC-32C library (Abseil 20220623 predates
// absl/crc), so this is the standard reflected table-driven form, checked
// against the RFC 3720 test vectors in tests/common/crc32c_test.cc.
#ifndef DOCSEARCH_COMMON_CRC32C_H_
#define DOCSEARCH_COMMON_CRC32C_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace docsearch {

// CRC-32C of `data`, continuing from `crc` (0 to start).
uint32_t Crc32c(absl::string_view data, uint32_t crc = 0);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_CRC32C_H_
