#include "query_service/index/document_store.h"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Document;

constexpr size_t kFirstBlockBytes = 16 << 10;
constexpr size_t kMaxBlockBytes = 1 << 20;
// Decompression contexts kept for reuse; more concurrent readers than this
// make and free their own.
constexpr size_t kMaxPooledContexts = 8;

}  // namespace

DocumentStore::DocumentStore() : cctx_(ZSTD_createCCtx()) {}

DocumentStore::~DocumentStore() {
  ZSTD_freeCCtx(cctx_);
  ZSTD_freeCDict(cdict_);
  ZSTD_freeDDict(ddict_.load());
  WriterGuard lock(&pool_mu_);
  for (ZSTD_DCtx* dctx : dctx_pool_) ZSTD_freeDCtx(dctx);
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
                                              raw.size(), kCompressionLevel);
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
  const std::string raw = StrippedBytes(document);
  serialized_bytes_.store(serialized_bytes_.load(std::memory_order_relaxed) + raw.size(),
                          std::memory_order_relaxed);
  const std::string frame = Compress(raw);
  frames_.push_back({Keep(frame), static_cast<uint32_t>(frame.size())});
  compressed_bytes_.store(compressed_bytes_.load(std::memory_order_relaxed) + frame.size(),
                          std::memory_order_relaxed);

  // Kept before the id, like every column: size() counts whole slots.
  if (document.has_raw()) {
    const std::string kept_raw = document.raw().SerializeAsString();
    raws_.push_back({Keep(kept_raw), static_cast<uint32_t>(kept_raw.size())});
    raw_bytes_.store(raw_bytes_.load(std::memory_order_relaxed) + kept_raw.size(),
                     std::memory_order_relaxed);
  } else {
    raws_.push_back({});
  }

  const auto& minhash = document.fingerprint().minhash();
  FingerprintColumn fingerprint;
  fingerprint.present = document.has_fingerprint();
  fingerprint.simhash = document.fingerprint().simhash();
  fingerprint.minhash_count = static_cast<uint32_t>(minhash.size());
  fingerprint.minhash = reinterpret_cast<const uint64_t*>(
      Keep(std::string_view(reinterpret_cast<const char*>(minhash.data()),
                            minhash.size() * sizeof(uint64_t)),
           alignof(uint64_t)));
  fingerprints_.push_back(fingerprint);
  hashes_.push_back(
      std::string_view(Keep(document.content_hash()), document.content_hash().size()));
  ids_.push_back(std::string_view(Keep(document.id()), document.id().size()));

  if (!training_done_) {
    samples_.append(raw);
    sample_sizes_.push_back(raw.size());
    if (sample_sizes_.size() >= kDictionaryTrainingDocuments ||
        samples_.size() >= kDictionaryTrainingBytes) {
      TrainDictionary();
    }
  }
  RecountMemory();
  return doc;
}

void DocumentStore::TrainDictionary() {
  training_done_ = true;
  std::string dictionary(kDictionaryBytes, '\0');
  const size_t size =
      ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), samples_.data(),
                            sample_sizes_.data(), static_cast<unsigned>(sample_sizes_.size()));
  if (!ZDICT_isError(size)) {
    ZSTD_CDict* cdict = ZSTD_createCDict(dictionary.data(), size, kCompressionLevel);
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
  // plain zstd frames, which is only less compact. The frames already stored
  // stay as they are: readers may be reading them (at 100k documents, the
  // first thousand less compressed cost ~1 MB).
  std::string().swap(samples_);
  std::vector<size_t>().swap(sample_sizes_);
}

void DocumentStore::RecountMemory() {
  memory_bytes_.store(block_bytes_ + dictionary_bytes_ + ZSTD_sizeof_CCtx(cctx_) +
                          samples_.capacity() + sample_sizes_.capacity() * sizeof(size_t) +
                          ids_.MemoryBytes() + hashes_.MemoryBytes() + fingerprints_.MemoryBytes() +
                          frames_.MemoryBytes() + raws_.MemoryBytes() +
                          blocks_.capacity() * sizeof(std::unique_ptr<char[]>),
                      std::memory_order_relaxed);
}

docsearch::v1::Fingerprint DocumentStore::fingerprint(uint32_t doc) const {
  docsearch::v1::Fingerprint fingerprint;
  fingerprint.set_simhash(simhash(doc));
  for (uint64_t value : minhash(doc)) fingerprint.add_minhash(value);
  return fingerprint;
}

absl::Status DocumentStore::Decompress(uint32_t doc, std::string* raw) const {
  const Frame& frame = frames_[doc];
  const unsigned long long content_size = ZSTD_getFrameContentSize(frame.bytes, frame.size);
  if (content_size == ZSTD_CONTENTSIZE_ERROR || content_size == ZSTD_CONTENTSIZE_UNKNOWN) {
    return absl::DataLossError(absl::StrCat("stored document ", doc, " is not a zstd frame"));
  }
  // Frames stored before the dictionary was trained do not use it; the
  // frame header says which.
  ZSTD_DDict* ddict = nullptr;
  if (ZSTD_getDictID_fromFrame(frame.bytes, frame.size) != 0) {
    ddict = ddict_.load(std::memory_order_acquire);
    if (ddict == nullptr) {
      return absl::DataLossError(
          absl::StrCat("stored document ", doc, " needs a dictionary the store does not have"));
    }
  }
  raw->resize(content_size);
  ZSTD_DCtx* dctx = nullptr;
  {
    WriterGuard lock(&pool_mu_);
    if (!dctx_pool_.empty()) {
      dctx = dctx_pool_.back();
      dctx_pool_.pop_back();
    }
  }
  if (dctx == nullptr) dctx = ZSTD_createDCtx();
  const size_t size = ddict != nullptr ? ZSTD_decompress_usingDDict(dctx, raw->data(), raw->size(),
                                                                    frame.bytes, frame.size, ddict)
                                       : ZSTD_decompressDCtx(dctx, raw->data(), raw->size(),
                                                             frame.bytes, frame.size);
  {
    WriterGuard lock(&pool_mu_);
    if (dctx_pool_.size() < kMaxPooledContexts) {
      dctx_pool_.push_back(dctx);
      dctx = nullptr;
    }
  }
  ZSTD_freeDCtx(dctx);
  if (ZSTD_isError(size) || size != raw->size()) {
    return absl::DataLossError(
        absl::StrCat("stored document ", doc, " does not decompress: ", ZSTD_getErrorName(size)));
  }
  return absl::OkStatus();
}

uint64_t DocumentStore::StoredBytes(uint32_t doc) const {
  if (doc >= size()) return 0;
  const Frame& frame = frames_[doc];
  const unsigned long long content_size = ZSTD_getFrameContentSize(frame.bytes, frame.size);
  if (content_size == ZSTD_CONTENTSIZE_ERROR || content_size == ZSTD_CONTENTSIZE_UNKNOWN) return 0;
  return content_size;
}

absl::StatusOr<Document> DocumentStore::Load(uint32_t doc, StoredParts parts) const {
  if (doc >= size()) {
    return absl::OutOfRangeError(
        absl::StrCat("no stored document ", doc, " (", size(), " stored)"));
  }
  std::string raw;
  absl::Status decompressed = Decompress(doc, &raw);
  if (!decompressed.ok()) return decompressed;
  Document document;
  if (!document.ParseFromString(raw)) {
    return absl::DataLossError(absl::StrCat("stored document ", doc, " does not parse"));
  }
  document.set_id(std::string(id(doc)));
  document.set_content_hash(std::string(content_hash(doc)));
  if (fingerprints_[doc].present) *document.mutable_fingerprint() = fingerprint(doc);
  if (parts == StoredParts::kWithRaw && has_raw(doc)) {
    const Frame& kept = raws_[doc];
    if (!document.mutable_raw()->ParseFromArray(kept.bytes, static_cast<int>(kept.size))) {
      return absl::DataLossError(
          absl::StrCat("the raw bytes of stored document ", doc, " do not parse"));
    }
  }
  return document;
}

}  // namespace docsearch::query
