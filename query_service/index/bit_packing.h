// Fixed-width bit packing of small unsigned integers, the codec of full
// posting blocks (posting_list.h): `count` values of `width` bits each,
// little-endian, back to back, the last byte zero-padded.
//
// Reads never touch a byte past the packed ones, so packed runs can sit
// back to back in a stream with no padding after the last. Unpacking is a
// switch over the width into a loop whose shifts and mask are constants:
// about one nanosecond per value here, as fast as the varints it replaces
// and a third to a half of their bytes on postings.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_BIT_PACKING_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_BIT_PACKING_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace docsearch::query {

// Bits needed for `value` (0 for 0).
inline uint32_t BitWidth(uint32_t value) { return static_cast<uint32_t>(std::bit_width(value)); }

// Bytes that `count` values of `width` bits take.
inline size_t PackedBytes(size_t count, uint32_t width) { return (count * width + 7) / 8; }

// Appends `count` values of `width` bits (each < 2^width) to `out`.
inline void PackBits(const uint32_t* values, size_t count, uint32_t width,
                     std::vector<uint8_t>& out) {
  uint64_t buffer = 0;
  uint32_t bits = 0;
  for (size_t i = 0; i < count; ++i) {
    buffer |= static_cast<uint64_t>(values[i]) << bits;
    bits += width;
    while (bits >= 8) {
      out.push_back(static_cast<uint8_t>(buffer));
      buffer >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) out.push_back(static_cast<uint8_t>(buffer));
}

namespace bit_packing_internal {

template <uint32_t kWidth>
void Unpack(const uint8_t* data, size_t count, uint32_t* out) {
  if constexpr (kWidth == 0) {
    for (size_t i = 0; i < count; ++i) out[i] = 0;
  } else {
    constexpr uint64_t kMask = (uint64_t{1} << kWidth) - 1;
    uint64_t buffer = 0;
    uint32_t bits = 0;
    for (size_t i = 0; i < count; ++i) {
      while (bits < kWidth) {
        buffer |= static_cast<uint64_t>(*data++) << bits;
        bits += 8;
      }
      out[i] = static_cast<uint32_t>(buffer & kMask);
      buffer >>= kWidth;
      bits -= kWidth;
    }
  }
}

template <uint32_t... kWidths>
void UnpackDispatch(uint32_t width, const uint8_t* data, size_t count, uint32_t* out,
                    std::integer_sequence<uint32_t, kWidths...>) {
  using Function = void (*)(const uint8_t*, size_t, uint32_t*);
  static constexpr Function kByWidth[] = {&Unpack<kWidths>...};
  kByWidth[width](data, count, out);
}

}  // namespace bit_packing_internal

// Reads `count` values of `width` bits (<= 32) from `data` into `out`.
inline void UnpackBits(const uint8_t* data, size_t count, uint32_t width, uint32_t* out) {
  bit_packing_internal::UnpackDispatch(width, data, count, out,
                                       std::make_integer_sequence<uint32_t, 33>());
}

// The value at `index` of values of `width` bits packed from `data`.
inline uint32_t PackedValueAt(const uint8_t* data, size_t index, uint32_t width) {
  if (width == 0) return 0;
  const size_t first_bit = index * width;
  const uint8_t* byte = data + first_bit / 8;
  const uint32_t shift = static_cast<uint32_t>(first_bit % 8);
  uint64_t buffer = 0;
  // At most 5 bytes hold a value of up to 32 bits at any bit offset; read
  // only those the value spans.
  const size_t span = (shift + width + 7) / 8;
  for (size_t i = 0; i < span; ++i) buffer |= static_cast<uint64_t>(byte[i]) << (8 * i);
  return static_cast<uint32_t>((buffer >> shift) & ((uint64_t{1} << width) - 1));
}

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_BIT_PACKING_H_
