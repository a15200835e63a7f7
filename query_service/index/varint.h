// LEB128-style variable-length integers for the index's own byte streams
// (posting lists, front-coded terms): 7 bits per byte, high bit set on every
// byte but the last.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_VARINT_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_VARINT_H_

#include <cstdint>
#include <vector>

namespace docsearch::query {

inline void PutVarint(std::vector<uint8_t>& out, uint32_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<uint8_t>(value));
}

// Reads a varint at `offset`, advancing it. Only for bytes PutVarint wrote
// in this process: nothing is checked, so they must be well formed.
inline uint32_t GetVarint(const uint8_t* data, uint32_t& offset) {
  uint32_t value = data[offset] & 0x7f;
  int shift = 7;
  while (data[offset++] & 0x80) {
    value |= static_cast<uint32_t>(data[offset] & 0x7f) << shift;
    shift += 7;
  }
  return value;
}

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_VARINT_H_
