#include "query_service/index/document_store.h"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/text_fingerprint.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Document;

constexpr size_t kFirstBlockBytes = 16 << 10;
constexpr size_t kMaxBlockBytes = 1 << 20;
// Decompression contexts (and their buffers) kept for reuse; more
// concurrent readers than this make and free their own.
constexpr size_t kMaxPooledContexts = 8;

// A slot's record (DocumentStore::ReadSlot reads it), written once:
//   a flags byte (kHasFingerprint, kHasRaw);
//   the id and the content hash, each a varint size and its bytes;
//   with a fingerprint: the SimHash (8 bytes, unaligned), a varint count
//     of MinHash values, a pad byte when needed so that the values start at
//     an even offset, and the values' kept bits, 2 bytes each (the record
//     starts at an even address);
//   with raw bytes: a varint size and the serialized Document.raw.
constexpr uint8_t kHasFingerprint = 1;
constexpr uint8_t kHasRaw = 2;
// Records are ~100 bytes without raw bytes; a larger scratch buffer is
// given back after use.
constexpr size_t kMaxRecordCapacity = 64 << 10;

void PutSize(std::string& out, size_t size) {
  while (size >= 0x80) {
    out.push_back(static_cast<char>(size | 0x80));
    size >>= 7;
  }
  out.push_back(static_cast<char>(size));
}

// Reads a size PutSize wrote at `*at`, advancing it. The record was written
// by this process, so nothing is checked.
size_t GetSize(const char** at) {
  size_t size = 0;
  int shift = 0;
  uint8_t byte;
  do {
    byte = static_cast<uint8_t>(*(*at)++);
    size |= static_cast<size_t>(byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return size;
}

std::string_view GetBytes(const char** at) {
  const size_t size = GetSize(at);
  const std::string_view bytes(*at, size);
  *at += size;
  return bytes;
}

}  // namespace

// A decompression context and the buffer its blocks are decompressed
// into, both reused: a block is tens of kilobytes, and a fresh buffer
// would be allocated and faulted in on every Load.
struct DocumentStore::Decompression {
  Decompression() : dctx(ZSTD_createDCtx()) {}
  ~Decompression() { ZSTD_freeDCtx(dctx); }
  Decompression(const Decompression&) = delete;
  Decompression& operator=(const Decompression&) = delete;
  ZSTD_DCtx* dctx;
  std::unique_ptr<char[]> buffer;
  size_t capacity = 0;
};

DocumentStore::DocumentStore(DocumentStoreOptions options)
    : options_([&] {
        options.block_documents = std::max<size_t>(options.block_documents, 1);
        return options;
      }()),
      cctx_(ZSTD_createCCtx()) {
  filling_ = std::make_shared<OpenBlock>(0, options_.block_documents);
  open_ = filling_;
}

DocumentStore::~DocumentStore() {
  ZSTD_freeCCtx(cctx_);
  ZSTD_freeCDict(cdict_);
  ZSTD_freeDDict(ddict_.load());
}

std::string DocumentStore::StrippedBytes(const Document& document) {
  Document stripped = document;
  stripped.clear_id();
  stripped.clear_content_hash();
  stripped.clear_fingerprint();
  stripped.clear_raw();
  return stripped.SerializeAsString();
}

std::string DocumentStore::Compress(std::string_view raw) {
  std::string frame(ZSTD_compressBound(raw.size()), '\0');
  const size_t size = cdict_ != nullptr
                          ? ZSTD_compress_usingCDict(cctx_, frame.data(), frame.size(), raw.data(),
                                                     raw.size(), cdict_)
                          : ZSTD_compressCCtx(cctx_, frame.data(), frame.size(), raw.data(),
                                              raw.size(), options_.compression_level);
  // Compression into a buffer of ZSTD_compressBound bytes cannot fail but
  // for lack of memory; storing the bytes raw would then need a flag per
  // frame for a case that does not happen, so an empty frame (which Load
  // reports as DATA_LOSS) is stored instead.
  frame.resize(ZSTD_isError(size) ? 0 : size);
  return frame;
}

const char* DocumentStore::Keep(std::string_view bytes, size_t alignment) {
  size_t offset = (block_used_ + alignment - 1) / alignment * alignment;
  if (blocks_.empty() || offset + bytes.size() > block_capacity_) {
    // Blocks grow with the store, from the first to the largest size, so
    // that a small index does not hold a mostly empty megabyte (larger
    // bytes get a block of their own). new[] aligns for any scalar.
    const size_t grown = std::clamp<size_t>(kept_bytes_, kFirstBlockBytes, kMaxBlockBytes);
    block_capacity_ = std::max(grown, bytes.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(block_capacity_));
    block_bytes_ += block_capacity_;
    offset = 0;
  }
  char* kept = blocks_.back().get() + offset;
  if (!bytes.empty()) std::memcpy(kept, bytes.data(), bytes.size());
  block_used_ = offset + bytes.size();
  kept_bytes_ += bytes.size();
  return kept;
}

uint32_t DocumentStore::Append(const Document& document) {
  const uint32_t doc = static_cast<uint32_t>(size());
  std::string raw = StrippedBytes(document);
  serialized_bytes_.store(serialized_bytes_.load(std::memory_order_relaxed) + raw.size(),
                          std::memory_order_relaxed);
  sizes_.push_back(static_cast<uint32_t>(raw.size()));
  if (!training_done_) {
    samples_.append(raw);
    sample_sizes_.push_back(raw.size());
    if (sample_sizes_.size() >= kDictionaryTrainingDocuments ||
        samples_.size() >= kDictionaryTrainingBytes) {
      TrainDictionary();
    }
  }
  // Written before the slot is published (ids_ below), so a reader that
  // knows the slot finds it here or, once sealed, in its block.
  const size_t position = doc - filling_->first;
  open_bytes_ += raw.size();
  filling_->documents[position] = std::move(raw);

  // The record (see its layout above), kept before the slot is published:
  // size() counts whole slots.
  std::string& record = record_;
  record.clear();
  record.push_back(static_cast<char>((document.has_fingerprint() ? kHasFingerprint : 0) |
                                     (document.has_raw() ? kHasRaw : 0)));
  PutSize(record, document.id().size());
  record += document.id();
  PutSize(record, document.content_hash().size());
  record += document.content_hash();
  if (document.has_fingerprint()) {
    const uint64_t simhash = document.fingerprint().simhash();
    record.append(reinterpret_cast<const char*>(&simhash), sizeof(simhash));
    const auto& minhash = document.fingerprint().minhash();
    PutSize(record, static_cast<size_t>(minhash.size()));
    if (record.size() % alignof(uint16_t) != 0) record.push_back('\0');
    for (uint64_t value : minhash) {
      const uint16_t kept = KeptMinHashBits(value);
      record.append(reinterpret_cast<const char*>(&kept), sizeof(kept));
    }
  }
  if (document.has_raw()) {
    const size_t raw_size = document.raw().ByteSizeLong();
    PutSize(record, raw_size);
    document.raw().AppendToString(&record);
    raw_bytes_.store(raw_bytes_.load(std::memory_order_relaxed) + raw_size,
                     std::memory_order_relaxed);
  }
  slots_.push_back(Keep(record, alignof(uint16_t)));
  // A large raw document must not leave its size held here for good.
  if (record.capacity() > kMaxRecordCapacity) std::string().swap(record);

  if (position + 1 == options_.block_documents) SealOpenBlock();
  RecountMemory();
  return doc;
}

void DocumentStore::SealOpenBlock() {
  std::string block;
  block.reserve(open_bytes_);
  for (size_t k = 0; k < options_.block_documents; ++k) block += filling_->documents[k];
  const std::string frame = Compress(block);
  frames_.push_back({Keep(frame), static_cast<uint32_t>(frame.size())});
  compressed_bytes_.store(compressed_bytes_.load(std::memory_order_relaxed) + frame.size(),
                          std::memory_order_relaxed);
  sealed_serialized_bytes_.store(
      sealed_serialized_bytes_.load(std::memory_order_relaxed) + block.size(),
      std::memory_order_relaxed);
  // The frame is in frames_ before readers are told its slots are sealed;
  // a reader still holding the old open block reads it there.
  auto next = std::make_shared<OpenBlock>(
      filling_->first + static_cast<uint32_t>(options_.block_documents), options_.block_documents);
  {
    WriterGuard lock(&open_mu_);
    open_ = next;
    sealed_documents_ = next->first;
  }
  filling_ = std::move(next);
  open_bytes_ = 0;
}

void DocumentStore::TrainDictionary() {
  training_done_ = true;
  std::string dictionary(options_.dictionary_bytes, '\0');
  const size_t size =
      ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), samples_.data(),
                            sample_sizes_.data(), static_cast<unsigned>(sample_sizes_.size()));
  if (!ZDICT_isError(size)) {
    ZSTD_CDict* cdict = ZSTD_createCDict(dictionary.data(), size, options_.compression_level);
    ZSTD_DDict* ddict = ZSTD_createDDict(dictionary.data(), size);
    if (cdict != nullptr && ddict != nullptr) {
      cdict_ = cdict;
      dictionary_bytes_ = ZSTD_sizeof_CDict(cdict) + ZSTD_sizeof_DDict(ddict);
      // Published before any frame that needs it is appended.
      ddict_.store(ddict, std::memory_order_release);
    } else {
      ZSTD_freeCDict(cdict);
      ZSTD_freeDDict(ddict);
    }
  }
  // Too few or too uniform samples leave no dictionary: documents then stay
  // plain zstd frames, which is only less compact. The blocks already sealed
  // stay as they are: readers may be reading them (at 100k documents, the
  // first thousand documents less compressed cost well under 1 MB).
  std::string().swap(samples_);
  std::vector<size_t>().swap(sample_sizes_);
}

void DocumentStore::RecountMemory() {
  memory_bytes_.store(block_bytes_ + dictionary_bytes_ + ZSTD_sizeof_CCtx(cctx_) +
                          samples_.capacity() + sample_sizes_.capacity() * sizeof(size_t) +
                          slots_.MemoryBytes() + sizes_.MemoryBytes() + frames_.MemoryBytes() +
                          record_.capacity() + open_bytes_ +
                          options_.block_documents * sizeof(std::string) +
                          blocks_.capacity() * sizeof(std::unique_ptr<char[]>),
                      std::memory_order_relaxed);
}

std::string_view DocumentStore::id(uint32_t doc) const {
  // The sort tie-break of hit candidates: the id alone, the first field.
  const char* at = slots_[doc] + 1;
  return GetBytes(&at);
}

DocumentStore::SlotFields DocumentStore::ReadSlot(uint32_t doc) const {
  const char* at = slots_[doc];
  const uint8_t flags = static_cast<uint8_t>(*at++);
  SlotFields fields;
  fields.id = GetBytes(&at);
  fields.content_hash = GetBytes(&at);
  if (flags & kHasFingerprint) {
    fields.has_fingerprint = true;
    std::memcpy(&fields.simhash, at, sizeof(fields.simhash));
    at += sizeof(fields.simhash);
    const size_t count = GetSize(&at);
    // The pad Append wrote: the record starts at an even address.
    if (reinterpret_cast<uintptr_t>(at) % alignof(uint16_t) != 0) ++at;
    fields.minhash = absl::MakeConstSpan(reinterpret_cast<const uint16_t*>(at), count);
    at += count * sizeof(uint16_t);
  }
  if (flags & kHasRaw) fields.raw = GetBytes(&at);
  return fields;
}

docsearch::v1::Fingerprint DocumentStore::fingerprint(uint32_t doc) const {
  const SlotFields fields = ReadSlot(doc);
  docsearch::v1::Fingerprint fingerprint;
  fingerprint.set_simhash(fields.simhash);
  for (uint16_t value : fields.minhash) fingerprint.add_minhash(value);
  return fingerprint;
}

std::unique_ptr<DocumentStore::Decompression> DocumentStore::BorrowDecompression() const {
  {
    WriterGuard lock(&pool_mu_);
    if (!pool_.empty()) {
      std::unique_ptr<Decompression> borrowed = std::move(pool_.back());
      pool_.pop_back();
      return borrowed;
    }
  }
  return std::make_unique<Decompression>();
}

void DocumentStore::ReturnDecompression(std::unique_ptr<Decompression> decompression) const {
  WriterGuard lock(&pool_mu_);
  if (pool_.size() < kMaxPooledContexts) pool_.push_back(std::move(decompression));
}

absl::StatusOr<std::string_view> DocumentStore::DecompressBlock(
    uint32_t block, Decompression* decompression) const {
  const Frame& frame = frames_[block];
  const unsigned long long content_size = ZSTD_getFrameContentSize(frame.bytes, frame.size);
  if (content_size == ZSTD_CONTENTSIZE_ERROR || content_size == ZSTD_CONTENTSIZE_UNKNOWN) {
    return absl::DataLossError(absl::StrCat("stored block ", block, " is not a zstd frame"));
  }
  // Blocks sealed before the dictionary was trained do not use it; the
  // frame header says which.
  ZSTD_DDict* ddict = nullptr;
  if (ZSTD_getDictID_fromFrame(frame.bytes, frame.size) != 0) {
    ddict = ddict_.load(std::memory_order_acquire);
    if (ddict == nullptr) {
      return absl::DataLossError(
          absl::StrCat("stored block ", block, " needs a dictionary the store does not have"));
    }
  }
  if (decompression->capacity < content_size) {
    decompression->buffer = std::make_unique_for_overwrite<char[]>(content_size);
    decompression->capacity = content_size;
  }
  char* out = decompression->buffer.get();
  const size_t size =
      ddict != nullptr
          ? ZSTD_decompress_usingDDict(decompression->dctx, out, content_size, frame.bytes,
                                       frame.size, ddict)
          : ZSTD_decompressDCtx(decompression->dctx, out, content_size, frame.bytes, frame.size);
  if (ZSTD_isError(size) || size != content_size) {
    return absl::DataLossError(
        absl::StrCat("stored block ", block, " does not decompress: ", ZSTD_getErrorName(size)));
  }
  return std::string_view(out, size);
}

uint64_t DocumentStore::StoredBytes(uint32_t doc) const { return doc < size() ? sizes_[doc] : 0; }

absl::StatusOr<Document> DocumentStore::Load(uint32_t doc, StoredParts parts) const {
  if (doc >= size()) {
    return absl::OutOfRangeError(
        absl::StrCat("no stored document ", doc, " (", size(), " stored)"));
  }
  std::shared_ptr<const OpenBlock> open;
  {
    ReaderGuard lock(&open_mu_);
    if (doc >= sealed_documents_) open = open_;
  }
  Document document;
  bool parsed = false;
  if (open != nullptr) {
    parsed = document.ParseFromString(open->documents[doc - open->first]);
  } else {
    const size_t block_documents = options_.block_documents;
    const uint32_t block = static_cast<uint32_t>(doc / block_documents);
    std::unique_ptr<Decompression> decompression = BorrowDecompression();
    absl::StatusOr<std::string_view> bytes = DecompressBlock(block, decompression.get());
    if (bytes.ok()) {
      // The block's documents are back to back, in slot order.
      uint64_t offset = 0;
      for (size_t before = block * block_documents; before < doc; ++before) {
        offset += sizes_[before];
      }
      const uint32_t length = sizes_[doc];
      if (offset + length <= bytes->size()) {
        parsed = document.ParseFromArray(bytes->data() + offset, static_cast<int>(length));
      } else {
        bytes =
            absl::DataLossError(absl::StrCat("stored document ", doc, " is past its block's end"));
      }
    }
    ReturnDecompression(std::move(decompression));
    if (!bytes.ok()) return bytes.status();
  }
  if (!parsed) {
    return absl::DataLossError(absl::StrCat("stored document ", doc, " does not parse"));
  }
  const SlotFields fields = ReadSlot(doc);
  document.set_id(std::string(fields.id));
  document.set_content_hash(std::string(fields.content_hash));
  if (fields.has_fingerprint) *document.mutable_fingerprint() = fingerprint(doc);
  if (parts == StoredParts::kWithRaw && !fields.raw.empty()) {
    if (!document.mutable_raw()->ParseFromArray(fields.raw.data(),
                                                static_cast<int>(fields.raw.size()))) {
      return absl::DataLossError(
          absl::StrCat("the raw bytes of stored document ", doc, " do not parse"));
    }
  }
  return document;
}

}  // namespace docsearch::query
