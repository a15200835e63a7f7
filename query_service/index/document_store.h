// The stored documents of the index, compressed, by DocId.
//
// Stored documents are the largest part of the index's memory; only a
// handful are read per search (the hits shown). Documents are compressed
// together in blocks of `block_documents` consecutive slots, one zstd frame
// per block, as Lucene packs its stored fields: statements are short and
// alike, so a frame of many of them finds the repeats between them that a
// frame of one cannot. A dictionary trained on the first documents
// (kDictionaryTrainingDocuments of them, or kDictionaryTrainingBytes)
// gives every block the shared vocabulary of the corpus besides. Blocks
// sealed before it is trained stay plain zstd frames (each frame says
// whether it needs the dictionary); the dictionary is trained once and
// depends only on the documents appended first, so the same arrivals always
// give the same bytes. Load decompresses the hit's block and parses its
// document out of it: a larger block is smaller in memory and slower to
// load (docs/BENCHMARKS.md, "Stored documents in blocks").
//
// The documents of the block being filled (fewer than block_documents) are
// kept serialized, uncompressed, until it fills; readers may be reading
// them when it is sealed, so they hold it by shared_ptr.
//
// What hot paths need of every document is kept uncompressed, in one
// record a slot: the id (the sort tie-break of every hit candidate), the
// content hash (unchanged-document checks on write) and the fingerprint
// (near-duplicate detection reads every document's). These fields are not
// repeated in the compressed frames; Load puts them back. A slot costs one
// pointer to its record, whose sizes are varints: columns of string views
// and fixed structs took 72 bytes a slot before their contents
// (docs/BENCHMARKS.md, "The store's slots as one record").
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
// it, the open block and the count of sealed slots change together under a
// lock (held for a pointer copy), and Load borrows a decompression context
// from a small pool guarded by its own lock.
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
struct ZSTD_CDict_s;
struct ZSTD_DDict_s;

namespace docsearch::query {

// Documents (and serialized bytes) after which the dictionary is trained,
// whichever comes first.
inline constexpr size_t kDictionaryTrainingDocuments = 1000;
inline constexpr size_t kDictionaryTrainingBytes = 2 << 20;
// Fits zstd's advice (~100x smaller than the samples) and the L2 cache.
inline constexpr size_t kDictionaryBytes = 64 << 10;
// Higher levels make smaller frames (level 9: about 6% smaller blocks)
// but compress about four times slower, on the writer's path (Append);
// decompression costs the same. docs/BENCHMARKS.md, "Stored documents in
// blocks", has the figures.
inline constexpr int kCompressionLevel = 3;
// Documents per compressed block. Load decompresses the hit's whole block,
// so its cost grows with the block (at 100k documents, ~8 us for 1, ~30 us
// for 8, ~55 us for 16) while the bytes shrink slowly (916, 879, 867 bytes
// per document). A search loads every hit of its page, so blocks of 8 would
// add ~0.2 ms of CPU to a top-10 page for 0.018x of raw text: one document
// per frame stays the default until blocks are measured to pay on real
// archives (docs/BENCHMARKS.md, "Stored documents in blocks").
inline constexpr size_t kBlockDocuments = 1;

struct DocumentStoreOptions {
  // Consecutive slots compressed in one zstd frame; 1 compresses each
  // document on its own.
  size_t block_documents = kBlockDocuments;
  int compression_level = kCompressionLevel;
  size_t dictionary_bytes = kDictionaryBytes;
};

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
  explicit DocumentStore(DocumentStoreOptions options = {});
  ~DocumentStore();
  DocumentStore(const DocumentStore&) = delete;
  DocumentStore& operator=(const DocumentStore&) = delete;

  // Stores `document` in the next slot and returns it (the old size()).
  // Writer only.
  uint32_t Append(const docsearch::v1::Document& document);

  // Slots appended so far, dead ones included.
  size_t size() const { return slots_.size(); }

  // The document in slot `doc`, decompressed. OUT_OF_RANGE for a slot not
  // appended; DATA_LOSS if its bytes do not decode (a bug, never input).
  absl::StatusOr<docsearch::v1::Document> Load(uint32_t doc,
                                               StoredParts parts = StoredParts::kParsed) const;
  // The size of slot `doc`'s serialized document without the record's fields
  // (and without the raw bytes kept apart), kept by slot (nothing is
  // decompressed): what Load will allocate, within the record's few bytes.
  // 0 when `doc` is not stored.
  uint64_t StoredBytes(uint32_t doc) const;

  // Whether slot `doc` has raw bytes kept (Document.raw). `doc` < size().
  bool has_raw(uint32_t doc) const { return !ReadSlot(doc).raw.empty(); }

  // Uncompressed fields. `doc` < size().
  std::string_view id(uint32_t doc) const;
  std::string_view content_hash(uint32_t doc) const { return ReadSlot(doc).content_hash; }
  uint64_t simhash(uint32_t doc) const { return ReadSlot(doc).simhash; }
  // The MinHash values' kept bits (KeptMinHashBits, common/text_fingerprint.h):
  // 2 bytes a value instead of 8, all that comparisons read.
  absl::Span<const uint16_t> minhash(uint32_t doc) const { return ReadSlot(doc).minhash; }
  // The stored fingerprint (empty when the document had none); its MinHash
  // values are the kept bits, which compare as the full values did.
  docsearch::v1::Fingerprint fingerprint(uint32_t doc) const;

  // Whether the dictionary has been trained.
  bool has_dictionary() const { return ddict_.load(std::memory_order_acquire) != nullptr; }
  // Compressed bytes of all sealed blocks, and the serialized bytes of every
  // document (without the record's fields; the open block's count here and
  // not in compressed_bytes until it is sealed).
  uint64_t compressed_bytes() const { return compressed_bytes_.load(std::memory_order_relaxed); }
  uint64_t serialized_bytes() const { return serialized_bytes_.load(std::memory_order_relaxed); }
  // Serialized bytes of the documents in sealed blocks: with
  // compressed_bytes, the compression ratio.
  uint64_t sealed_serialized_bytes() const {
    return sealed_serialized_bytes_.load(std::memory_order_relaxed);
  }
  const DocumentStoreOptions& options() const { return options_; }
  // Bytes of the kept raw documents (serialized Document.raw, the zstd
  // frames inside), all slots. Part of MemoryBytes.
  uint64_t raw_bytes() const { return raw_bytes_.load(std::memory_order_relaxed); }

  // Bytes held: frames, slot records, the dictionary and zstd's state. A running
  // count, so reading it costs nothing.
  uint64_t MemoryBytes() const { return memory_bytes_.load(std::memory_order_relaxed); }

 private:
  struct Frame {
    const char* bytes = nullptr;
    uint32_t size = 0;
  };
  // The block being filled: its documents serialized, uncompressed.
  struct OpenBlock {
    explicit OpenBlock(uint32_t first_doc, size_t capacity)
        : first(first_doc), documents(std::make_unique<std::string[]>(capacity)) {}
    uint32_t first;  // Its first slot.
    // Written by the writer before it publishes the slot; never moved.
    std::unique_ptr<std::string[]> documents;
  };
  // A slot's record, read (document_store.cc has its layout).
  struct SlotFields {
    std::string_view id;
    std::string_view content_hash;
    bool has_fingerprint = false;
    uint64_t simhash = 0;
    absl::Span<const uint16_t> minhash;
    // Serialized Document.raw (it holds a zstd frame); empty when none.
    std::string_view raw;
  };
  SlotFields ReadSlot(uint32_t doc) const;

  // The document without the record's fields, serialized.
  static std::string StrippedBytes(const docsearch::v1::Document& document);
  // Compresses `raw` with the dictionary when there is one.
  std::string Compress(std::string_view raw);
  // Compresses the full open block into a frame and opens the next one.
  void SealOpenBlock();
  // Copies `bytes` into the blocks (aligned to `alignment`); the copy never
  // moves. Writer only.
  const char* Keep(std::string_view bytes, size_t alignment = 1);
  struct Decompression;
  std::unique_ptr<Decompression> BorrowDecompression() const;
  void ReturnDecompression(std::unique_ptr<Decompression> decompression) const;
  // Decompresses block `block` into `decompression`'s buffer: the block's
  // bytes, valid until the buffer is used again.
  absl::StatusOr<std::string_view> DecompressBlock(uint32_t block,
                                                   Decompression* decompression) const;
  // Trains the dictionary on `samples_`.
  void TrainDictionary();
  void RecountMemory();

  // By DocId: the slot's record in the kept bytes. Appended last, so
  // size() counts whole slots.
  AppendOnlyArray<const char*> slots_;
  // Serialized size of each document in its block (without the record's
  // fields).
  AppendOnlyArray<uint32_t> sizes_;
  // Sealed blocks, by block number (slot / block_documents).
  AppendOnlyArray<Frame> frames_;

  // Writer only: the blocks every kept byte lives in (readers hold pointers
  // into them, never the list), and how full the last one is.
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0;
  size_t block_capacity_ = 0;
  uint64_t block_bytes_ = 0;  // All blocks' capacity.
  uint64_t kept_bytes_ = 0;

  const DocumentStoreOptions options_;

  // The block being filled, and the slots below it (all in sealed blocks),
  // changed together by the writer. Readers copy the pointer of the block
  // they need under the lock, so a block sealed meanwhile stays alive until
  // they have read it.
  mutable ReaderWriterLock open_mu_;
  std::shared_ptr<OpenBlock> open_ ABSL_GUARDED_BY(open_mu_);
  uint32_t sealed_documents_ ABSL_GUARDED_BY(open_mu_) = 0;
  // Writer only: the same block as open_, without the lock, and the bytes
  // of its documents.
  std::shared_ptr<OpenBlock> filling_;
  uint64_t open_bytes_ = 0;

  // Writer only: a slot's record while it is written, reused.
  std::string record_;

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

  // Decompression contexts and buffers not in use: making a context per
  // Load costs ~15 us (an allocation of ~100 KB), more than decompressing
  // a block; a thread-local would be global state. Held exclusively, for a
  // few instructions. The index's lock type, so that ThreadSanitizer sees
  // it (reader_writer_lock.h).
  mutable ReaderWriterLock pool_mu_;
  mutable std::vector<std::unique_ptr<Decompression>> pool_ ABSL_GUARDED_BY(pool_mu_);

  // Written by the writer, read by anyone.
  std::atomic<uint64_t> compressed_bytes_{0};
  std::atomic<uint64_t> serialized_bytes_{0};
  std::atomic<uint64_t> sealed_serialized_bytes_{0};
  std::atomic<uint64_t> raw_bytes_{0};
  std::atomic<uint64_t> memory_bytes_{0};
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_DOCUMENT_STORE_H_
