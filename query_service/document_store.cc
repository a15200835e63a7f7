#include "query_service/document_store.h"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Document;

// Frames are packed into blocks that grow with the store, from the first
// to the largest size, so that a small index does not hold a mostly empty
// megabyte (a larger frame gets a block of its own).
constexpr size_t kFirstBlockBytes = 16 << 10;
constexpr size_t kMaxBlockBytes = 1 << 20;
// Decompression contexts kept for reuse; more concurrent readers than this
// make and free their own.
constexpr size_t kMaxPooledContexts = 8;

uint64_t VectorBytes(size_t count, size_t element) { return count * element; }

}  // namespace

DocumentStore::DocumentStore() : cctx_(ZSTD_createCCtx()) {}

DocumentStore::~DocumentStore() {
  ZSTD_freeCCtx(cctx_);
  ZSTD_freeCDict(cdict_);
  ZSTD_freeDDict(ddict_);
  WriterGuard lock(&pool_mu_);
  for (ZSTD_DCtx* dctx : dctx_pool_) ZSTD_freeDCtx(dctx);
}

std::string DocumentStore::StrippedBytes(const Document& document) {
  Document stripped = document;
  stripped.clear_id();
  stripped.clear_content_hash();
  stripped.clear_fingerprint();
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

DocumentStore::Location DocumentStore::Store(std::string_view frame) {
  if (blocks_.empty() || blocks_.back().capacity() - blocks_.back().size() < frame.size()) {
    blocks_.emplace_back();
    const size_t grown = std::clamp<size_t>(compressed_bytes_, kFirstBlockBytes, kMaxBlockBytes);
    blocks_.back().reserve(std::max(grown, frame.size()));
    block_bytes_ += blocks_.back().capacity();
  }
  std::string& block = blocks_.back();
  Location location{static_cast<uint32_t>(blocks_.size() - 1), static_cast<uint32_t>(block.size()),
                    static_cast<uint32_t>(frame.size())};
  block.append(frame);
  compressed_bytes_ += frame.size();
  return location;
}

uint32_t DocumentStore::Append(const Document& document) {
  const uint32_t doc = static_cast<uint32_t>(size());
  id_bytes_.append(document.id());
  id_ends_.push_back(id_bytes_.size());
  hash_bytes_.append(document.content_hash());
  hash_ends_.push_back(hash_bytes_.size());
  has_fingerprint_.push_back(document.has_fingerprint() ? 1 : 0);
  simhash_.push_back(document.fingerprint().simhash());
  minhash_values_.insert(minhash_values_.end(), document.fingerprint().minhash().begin(),
                         document.fingerprint().minhash().end());
  minhash_ends_.push_back(minhash_values_.size());

  const std::string raw = StrippedBytes(document);
  serialized_bytes_ += raw.size();
  locations_.push_back(Store(Compress(raw)));
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
    cdict_ = ZSTD_createCDict(dictionary.data(), size, kCompressionLevel);
    ddict_ = ZSTD_createDDict(dictionary.data(), size);
    if (cdict_ == nullptr || ddict_ == nullptr) {
      ZSTD_freeCDict(cdict_);
      ZSTD_freeDDict(ddict_);
      cdict_ = nullptr;
      ddict_ = nullptr;
    }
  }
  // Too few or too uniform samples leave no dictionary: documents then stay
  // plain zstd frames, which is only less compact.
  if (ddict_ != nullptr) {
    // The samples are exactly slots 0..n-1, in order: compress them again
    // with the dictionary, into fresh blocks.
    blocks_.clear();
    block_bytes_ = 0;
    compressed_bytes_ = 0;
    size_t offset = 0;
    for (size_t doc = 0; doc < sample_sizes_.size(); ++doc) {
      locations_[doc] =
          Store(Compress(std::string_view(samples_).substr(offset, sample_sizes_[doc])));
      offset += sample_sizes_[doc];
    }
    dictionary_bytes_ = ZSTD_sizeof_CDict(cdict_) + ZSTD_sizeof_DDict(ddict_);
  }
  std::string().swap(samples_);
  std::vector<size_t>().swap(sample_sizes_);
}

void DocumentStore::RecountMemory() {
  memory_bytes_ =
      block_bytes_ + dictionary_bytes_ + ZSTD_sizeof_CCtx(cctx_) + id_bytes_.size() +
      hash_bytes_.size() + samples_.size() + VectorBytes(sample_sizes_.size(), sizeof(size_t)) +
      VectorBytes(id_ends_.size() + hash_ends_.size() + simhash_.size() + minhash_values_.size() +
                      minhash_ends_.size(),
                  sizeof(uint64_t)) +
      VectorBytes(has_fingerprint_.size(), 1) + VectorBytes(locations_.size(), sizeof(Location));
}

absl::Span<const uint64_t> DocumentStore::minhash(uint32_t doc) const {
  const uint64_t begin = doc == 0 ? 0 : minhash_ends_[doc - 1];
  return absl::MakeConstSpan(minhash_values_.data() + begin, minhash_ends_[doc] - begin);
}

docsearch::v1::Fingerprint DocumentStore::fingerprint(uint32_t doc) const {
  docsearch::v1::Fingerprint fingerprint;
  fingerprint.set_simhash(simhash_[doc]);
  for (uint64_t value : minhash(doc)) fingerprint.add_minhash(value);
  return fingerprint;
}

absl::Status DocumentStore::Decompress(uint32_t doc, std::string* raw) const {
  const Location& location = locations_[doc];
  const char* frame = blocks_[location.block].data() + location.offset;
  const unsigned long long content_size = ZSTD_getFrameContentSize(frame, location.size);
  if (content_size == ZSTD_CONTENTSIZE_ERROR || content_size == ZSTD_CONTENTSIZE_UNKNOWN) {
    return absl::DataLossError(absl::StrCat("stored document ", doc, " is not a zstd frame"));
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
  const size_t size =
      ddict_ != nullptr
          ? ZSTD_decompress_usingDDict(dctx, raw->data(), raw->size(), frame, location.size, ddict_)
          : ZSTD_decompressDCtx(dctx, raw->data(), raw->size(), frame, location.size);
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

absl::StatusOr<Document> DocumentStore::Load(uint32_t doc) const {
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
  if (has_fingerprint_[doc]) *document.mutable_fingerprint() = fingerprint(doc);
  return document;
}

}  // namespace docsearch::query
