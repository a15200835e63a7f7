// The stored documents of the index, compressed, by DocId.
//
// Stored documents used to be the largest part of the index's memory (about
// 12 KB per 2.3 KB statement with the postings); only a handful are read per
// search (the hits shown), so each one is kept as its own zstd frame and
// decompressed on Load. Statements are short and alike, so plain zstd gains
// little per document; a dictionary trained on the first documents
// (kDictionaryTrainingDocuments of them, or kDictionaryTrainingBytes) gives
// the frames the shared vocabulary. Documents appended before it is
// trained stay plain zstd frames (each frame says whether it needs the
// dictionary); the dictionary is trained once and depends only on the
// documents appended first, so the same arrivals always give the same bytes.
//
// What hot paths need of every document is kept uncompressed in columns:
// the id (the sort tie-break of every hit candidate), the content hash
// (unchanged-document checks on write) and the fingerprint (near-duplicate
// detection reads every document's). These fields are not repeated in the
// compressed frames; Load puts them back.
//
// The raw bytes a document was parsed from (Document.raw, already one zstd
// frame made by the ingest service) are kept apart from the frame, as they
// arrived: compressing them again would gain nothing, training the
// dictionary on them would spoil it for the parsed documents, and only a
// re-parse, a snapshot or an export that asks for them reads them, so Load
// leaves them out unless asked (StoredParts::kWithRaw).
//
// Slots are dense (DocId = arrival order) and never change once appended:
// a replaced document gets a new slot, so a DocId read once describes the
// same document for as long as the store lives.
//
// Thread safety: one writer appends while any number of readers read the
// slots appended before, which they learn of through synchronization of
// their own (the index copy they read: the two copies of the index share one
// store, left_right.h). Nothing appended ever moves (append_only_array.h),
// the dictionary is published atomically before the first frame that uses
// it, and Load borrows a decompression context from a small pool guarded by
// its own lock.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_DOCUMENT_STORE_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_DOCUMENT_STORE_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "docsearch/v1/document.pb.h"
#include "query_service/index/append_only_array.h"
#include "query_service/index/reader_writer_lock.h"

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

// What Load returns of a stored document.
enum class StoredParts {
  // The parsed document: what searches, comparisons and GetDocument show.
  kParsed,
  // The parsed document and the raw bytes kept with it (Document.raw):
  // for snapshots, and exports that ask for them.
  kWithRaw,
};

class DocumentStore {
 public:
  DocumentStore();
  ~DocumentStore();
  DocumentStore(const DocumentStore&) = delete;
  DocumentStore& operator=(const DocumentStore&) = delete;

  // Stores `document` in the next slot and returns it (the old size()).
  // Writer only.
  uint32_t Append(const docsearch::v1::Document& document);

  // Slots appended so far, dead ones included.
  size_t size() const { return ids_.size(); }

  // The document in slot `doc`, decompressed. OUT_OF_RANGE for a slot not
  // appended; DATA_LOSS if its bytes do not decode (a bug, never input).
  absl::StatusOr<docsearch::v1::Document> Load(uint32_t doc,
                                               StoredParts parts = StoredParts::kParsed) const;
  // The size of slot `doc`'s serialized document without the column fields
  // (and without the raw bytes kept apart), read from its frame header
  // (nothing is decompressed): what Load will allocate, within the columns'
  // few bytes. 0 when `doc` is not stored.
  uint64_t StoredBytes(uint32_t doc) const;

  // Whether slot `doc` has raw bytes kept (Document.raw). `doc` < size().
  bool has_raw(uint32_t doc) const { return raws_[doc].size > 0; }

  // Uncompressed columns. `doc` < size().
  std::string_view id(uint32_t doc) const { return ids_[doc]; }
  std::string_view content_hash(uint32_t doc) const { return hashes_[doc]; }
  uint64_t simhash(uint32_t doc) const { return fingerprints_[doc].simhash; }
  absl::Span<const uint64_t> minhash(uint32_t doc) const {
    const FingerprintColumn& fingerprint = fingerprints_[doc];
    return absl::MakeConstSpan(fingerprint.minhash, fingerprint.minhash_count);
  }
  // The stored fingerprint (empty when the document had none).
  docsearch::v1::Fingerprint fingerprint(uint32_t doc) const;

  // Whether the dictionary has been trained.
  bool has_dictionary() const { return ddict_.load(std::memory_order_acquire) != nullptr; }
  // Compressed bytes of all frames, and the serialized bytes they hold
  // (without the column fields), for the compression ratio.
  uint64_t compressed_bytes() const { return compressed_bytes_.load(std::memory_order_relaxed); }
  uint64_t serialized_bytes() const { return serialized_bytes_.load(std::memory_order_relaxed); }
  // Bytes of the kept raw documents (serialized Document.raw, the zstd
  // frames inside), all slots. Part of MemoryBytes.
  uint64_t raw_bytes() const { return raw_bytes_.load(std::memory_order_relaxed); }

  // Bytes held: frames, columns, the dictionary and zstd's state. A running
  // count, so reading it costs nothing.
  uint64_t MemoryBytes() const { return memory_bytes_.load(std::memory_order_relaxed); }

 private:
  struct Frame {
    const char* bytes = nullptr;
    uint32_t size = 0;
  };
  struct FingerprintColumn {
    const uint64_t* minhash = nullptr;
    uint32_t minhash_count = 0;
    bool present = false;
    uint64_t simhash = 0;
  };

  // The document without the column fields, serialized.
  static std::string StrippedBytes(const docsearch::v1::Document& document);
  // Compresses `raw` with the dictionary when there is one.
  std::string Compress(std::string_view raw);
  // Copies `bytes` into the blocks (aligned to `alignment`); the copy never
  // moves. Writer only.
  const char* Keep(std::string_view bytes, size_t alignment = 1);
  // Decompresses slot `doc` into `raw`.
  absl::Status Decompress(uint32_t doc, std::string* raw) const;
  // Trains the dictionary on `samples_`.
  void TrainDictionary();
  void RecountMemory();

  // Columns by DocId. `ids_` is appended last, so size() counts whole slots.
  AppendOnlyArray<std::string_view> ids_;
  AppendOnlyArray<std::string_view> hashes_;
  AppendOnlyArray<FingerprintColumn> fingerprints_;
  AppendOnlyArray<Frame> frames_;
  // Serialized Document.raw, uncompressed (it holds a zstd frame); size 0
  // when the document has none.
  AppendOnlyArray<Frame> raws_;

  // Writer only: the blocks every kept byte lives in (readers hold pointers
  // into them, never the list), and how full the last one is.
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0;
  size_t block_capacity_ = 0;
  uint64_t block_bytes_ = 0;  // All blocks' capacity.
  uint64_t kept_bytes_ = 0;

  // Writer only: the serialized first documents, kept until the dictionary
  // is trained.
  std::string samples_;
  std::vector<size_t> sample_sizes_;
  bool training_done_ = false;

  ZSTD_CCtx_s* cctx_ = nullptr;  // For Append (one writer).
  ZSTD_CDict_s* cdict_ = nullptr;
  // Set once, before the first frame that needs it; read-only then.
  std::atomic<ZSTD_DDict_s*> ddict_{nullptr};
  uint64_t dictionary_bytes_ = 0;

  // Decompression contexts not in use: making one per Load costs ~15 us
  // (an allocation of ~100 KB), three times the Load; a thread-local would
  // be global state. Held exclusively, for a few instructions. The index's
  // lock type, so that ThreadSanitizer sees it (reader_writer_lock.h).
  mutable ReaderWriterLock pool_mu_;
  mutable std::vector<ZSTD_DCtx_s*> dctx_pool_ ABSL_GUARDED_BY(pool_mu_);

  // Written by the writer, read by anyone.
  std::atomic<uint64_t> compressed_bytes_{0};
  std::atomic<uint64_t> serialized_bytes_{0};
  std::atomic<uint64_t> raw_bytes_{0};
  std::atomic<uint64_t> memory_bytes_{0};
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_DOCUMENT_STORE_H_
