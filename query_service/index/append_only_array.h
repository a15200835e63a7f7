// A sequence that only grows and whose elements never move, so that one
// writer can append while other threads read the elements appended before.
//
// Storage is a short list of chunks, each twice the size of the one before
// (64, 128, 256, ... elements), so an append never copies what is stored
// and a read is one shift and two loads. A reader must learn that element
// i exists through some synchronization of its own (the document store's
// readers learn it from the index copy they read, left_right.h); the chunk
// pointers are atomics so that reading a chunk while the writer adds the
// next one is not a race.
//
// Thread safety: one writer (push_back) at a time; any number of readers of
// elements below a size they were told of.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_APPEND_ONLY_ARRAY_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_APPEND_ONLY_ARRAY_H_

#include <array>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

namespace docsearch::query {

template <typename T>
class AppendOnlyArray {
 public:
  AppendOnlyArray() = default;
  ~AppendOnlyArray() {
    for (auto& chunk : chunks_) delete[] chunk.load(std::memory_order_relaxed);
  }
  AppendOnlyArray(const AppendOnlyArray&) = delete;
  AppendOnlyArray& operator=(const AppendOnlyArray&) = delete;

  void push_back(T value) {
    const size_t index = size_.load(std::memory_order_relaxed);
    const auto [chunk, offset] = Locate(index);
    T* elements = chunks_[chunk].load(std::memory_order_relaxed);
    if (elements == nullptr) {
      elements = new T[ChunkSize(chunk)]();
      chunks_[chunk].store(elements, std::memory_order_release);
      capacity_.store(capacity_.load(std::memory_order_relaxed) + ChunkSize(chunk),
                      std::memory_order_relaxed);
    }
    elements[offset] = std::move(value);
    size_.store(index + 1, std::memory_order_release);
  }

  // `index` < a size() the caller observed.
  const T& operator[](size_t index) const {
    const auto [chunk, offset] = Locate(index);
    return chunks_[chunk].load(std::memory_order_acquire)[offset];
  }

  size_t size() const { return size_.load(std::memory_order_acquire); }

  // Bytes of the chunks allocated.
  uint64_t MemoryBytes() const { return capacity_.load(std::memory_order_relaxed) * sizeof(T); }

 private:
  static constexpr size_t kFirstChunk = 64;

  static constexpr size_t ChunkSize(size_t chunk) { return kFirstChunk << chunk; }

  // Chunk c holds elements [kFirstChunk * (2^c - 1), kFirstChunk * (2^(c+1) - 1)).
  static std::pair<size_t, size_t> Locate(size_t index) {
    const size_t chunk = std::bit_width(index / kFirstChunk + 1) - 1;
    return {chunk, index - kFirstChunk * ((size_t{1} << chunk) - 1)};
  }

  // 40 chunks hold 64 * (2^40 - 1) elements: more than memory does.
  std::array<std::atomic<T*>, 40> chunks_{};
  std::atomic<size_t> size_{0};
  std::atomic<size_t> capacity_{0};
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_APPEND_ONLY_ARRAY_H_
