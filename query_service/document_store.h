// The stored documents of the index, compressed, by DocId.
//
// Stored documents used to be the largest part of the index's memory (about
// 12 KB per 2.3 KB statement with the postings); only a handful are read per
// search (the hits shown), so each one is kept as its own zstd frame and
// decompressed on Load. Statements are short and alike, so plain zstd gains
// little per document; a dictionary trained on the first documents
// (kDictionaryTrainingDocuments of them, or kDictionaryTrainingBytes) gives
// the frames the shared vocabulary. Until then documents are compressed
// without a dictionary; when it is trained, those first ones are compressed
// again with it, so every frame uses the same scheme from then on. The
// dictionary is trained once and depends only on the documents appended
// first, so the same arrivals always give the same bytes.
//
// What hot paths need of every document is kept uncompressed in columns:
// the id (the sort tie-break of every hit candidate), the content hash
// (unchanged-document checks on write) and the fingerprint (near-duplicate
// detection reads every document's). These fields are not repeated in the
// compressed frames; Load puts them back.
//
// Slots are dense (DocId = arrival order) and never change once appended:
// a replaced document gets a new slot, so a DocId read under one lock
// describes the same document under a later one.
//
// Thread safety: Append is for one writer at a time (the index's write
// lock); the const methods may run concurrently with each other (the read
// lock). Load borrows a decompression context from a small pool guarded by
// its own lock.
#ifndef DOCSEARCH_QUERY_SERVICE_DOCUMENT_STORE_H_
#define DOCSEARCH_QUERY_SERVICE_DOCUMENT_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "docsearch/v1/document.pb.h"
#include "query_service/reader_writer_lock.h"

// zstd's opaque types, so that users of the store need not include zstd.h.
struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;
struct ZSTD_CDict_s;
struct ZSTD_DDict_s;

namespace docsearch::query {

// Documents (and serialized bytes) after which the dictionary is trained,
// whichever comes first.
inline constexpr size_t kDictionaryTrainingDocuments = 1000;
inline constexpr size_t kDictionaryTrainingBytes = 2 << 20;
// Fits zstd's advice (~100x smaller than the samples) and the L2 cache.
inline constexpr size_t kDictionaryBytes = 64 << 10;
// Low levels decompress as fast as high ones and compress several times
// faster; the dictionary, not the level, is what shrinks short documents.
inline constexpr int kCompressionLevel = 3;

class DocumentStore {
 public:
  DocumentStore();
  ~DocumentStore();
  DocumentStore(const DocumentStore&) = delete;
  DocumentStore& operator=(const DocumentStore&) = delete;

  // Stores `document` in the next slot and returns it (the old size()).
  uint32_t Append(const docsearch::v1::Document& document);

  // Slots appended so far, dead ones included.
  size_t size() const { return id_ends_.size(); }

  // The document in slot `doc`, decompressed. OUT_OF_RANGE for a slot not
  // appended; DATA_LOSS if its bytes do not decode (a bug, never input).
  absl::StatusOr<docsearch::v1::Document> Load(uint32_t doc) const;

  // Uncompressed columns. `doc` < size().
  std::string_view id(uint32_t doc) const { return Slice(id_bytes_, id_ends_, doc); }
  std::string_view content_hash(uint32_t doc) const { return Slice(hash_bytes_, hash_ends_, doc); }
  uint64_t simhash(uint32_t doc) const { return simhash_[doc]; }
  absl::Span<const uint64_t> minhash(uint32_t doc) const;
  // The stored fingerprint (empty when the document had none).
  docsearch::v1::Fingerprint fingerprint(uint32_t doc) const;

  // Whether the dictionary has been trained.
  bool has_dictionary() const { return ddict_ != nullptr; }
  // Compressed bytes of all frames, and the serialized bytes they hold
  // (without the column fields), for the compression ratio.
  uint64_t compressed_bytes() const { return compressed_bytes_; }
  uint64_t serialized_bytes() const { return serialized_bytes_; }

  // Bytes held: frames, columns, the dictionary and zstd's state. A running
  // count, so reading it costs nothing.
  uint64_t MemoryBytes() const { return memory_bytes_; }

 private:
  // Where one frame lives: frames are packed into blocks so that a document
  // costs no allocation of its own.
  struct Location {
    uint32_t block;
    uint32_t offset;
    uint32_t size;
  };

  static std::string_view Slice(const std::string& bytes, const std::vector<uint64_t>& ends,
                                uint32_t doc) {
    const uint64_t begin = doc == 0 ? 0 : ends[doc - 1];
    return std::string_view(bytes).substr(begin, ends[doc] - begin);
  }

  // The document without the column fields, serialized.
  static std::string StrippedBytes(const docsearch::v1::Document& document);
  // Compresses `raw` with the dictionary when there is one.
  std::string Compress(std::string_view raw);
  // Stores a frame; returns its location.
  Location Store(std::string_view frame);
  // Decompresses slot `doc` into `raw`.
  absl::Status Decompress(uint32_t doc, std::string* raw) const;
  // Trains the dictionary on `samples_` and recompresses every frame with it.
  void TrainDictionary();
  void RecountMemory();

  // Columns, by DocId; strings are packed, `*_ends` are end offsets.
  std::string id_bytes_;
  std::vector<uint64_t> id_ends_;
  std::string hash_bytes_;
  std::vector<uint64_t> hash_ends_;
  std::vector<uint8_t> has_fingerprint_;
  std::vector<uint64_t> simhash_;
  std::vector<uint64_t> minhash_values_;
  std::vector<uint64_t> minhash_ends_;

  std::vector<Location> locations_;
  std::vector<std::string> blocks_;  // Each reserved once, never moved.

  // The serialized first documents, kept until the dictionary is trained.
  std::string samples_;
  std::vector<size_t> sample_sizes_;
  bool training_done_ = false;

  ZSTD_CCtx_s* cctx_ = nullptr;  // For Append (one writer).
  ZSTD_CDict_s* cdict_ = nullptr;
  ZSTD_DDict_s* ddict_ = nullptr;  // Read-only once made: shared by readers.

  // Decompression contexts not in use: making one per Load costs ~15 us
  // (an allocation of ~100 KB), three times the Load; a thread-local would
  // be global state. Held exclusively, for a few instructions. The index's
  // lock type, so that ThreadSanitizer sees it (reader_writer_lock.h).
  mutable ReaderWriterLock pool_mu_;
  mutable std::vector<ZSTD_DCtx_s*> dctx_pool_ ABSL_GUARDED_BY(pool_mu_);

  uint64_t compressed_bytes_ = 0;
  uint64_t serialized_bytes_ = 0;
  uint64_t block_bytes_ = 0;  // Reserved capacity of `blocks_`.
  uint64_t dictionary_bytes_ = 0;
  uint64_t memory_bytes_ = 0;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_DOCUMENT_STORE_H_
