// The compressed document store behind IndexData::documents.
#include "query_service/index/document_store.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/text_fingerprint.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Document;
using google::protobuf::util::MessageDifferencer;

// Statement-like documents: shared boilerplate, varied sentences, every
// kind of field the parser sets, and a fingerprint on most.
Document StatementLike(int n) {
  static const char* const kTopics[] = {
      "crisis management",      "arms control",      "peacekeeping in the Balkans",
      "civil emergency",        "search and rescue", "non-proliferation of weapons",
      "airspace management",    "defence reform",    "counter-terrorism cooperation",
      "theatre missile defence"};
  Document document;
  document.set_id(absl::StrCat("statement-", n));
  document.set_title(
      absl::StrCat("Statement ", n, " of the NATO-Russia Council on ", kTopics[n % 10]));
  document.set_doc_type(n % 3 == 0 ? docsearch::v1::DOC_TYPE_PRESS_STATEMENT
                                   : docsearch::v1::DOC_TYPE_PRESS_RELEASE);
  document.set_language("en");
  document.set_source_uri(
      absl::StrCat("https://www.nato.int/docu/pr/", 2000 + n % 10, "/p", n, ".htm"));
  document.mutable_published()->set_year(2000 + n % 10);
  document.mutable_published()->set_month(1 + n % 12);
  document.mutable_published()->set_day(1 + n % 28);
  if (n % 4 == 0) document.set_subtitle("Meeting at the level of Foreign Ministers");
  for (int p = 0; p < 8; ++p) {
    auto* paragraph = document.add_paragraphs();
    paragraph->set_number(absl::StrCat(p + 1, "."));
    paragraph->set_text(absl::StrCat(
        "The members of the Council reaffirmed their commitment to ", kTopics[(n + p) % 10],
        " and agreed to intensify consultations (item ", n * 7 + p,
        "). They welcomed the progress achieved since the last meeting and tasked the ",
        "Preparatory Committee to report on ", kTopics[(n * 3 + p) % 10], " by ",
        2001 + (n + p) % 9, "."));
  }
  if (n % 5 == 0) document.add_footnotes()->set_text(absl::StrCat("See also statement ", n - 1));
  auto* entity = document.add_entities();
  entity->set_name("NATO-Russia Council");
  entity->add_mentions("the Council");
  entity->set_type(docsearch::v1::ENTITY_TYPE_ORGANIZATION);
  (*document.mutable_attributes())["region"].set_keyword_value(n % 2 ? "Europe" : "Balkans");
  (*document.mutable_attributes())["page"].set_integer_value(n);
  document.set_content_hash(absl::StrCat("sha256-of-", n * 2654435761u));
  if (n % 7 != 3) {
    document.mutable_fingerprint()->set_simhash(0x9e3779b97f4a7c15ull * (n + 1));
    for (int i = 0; i < 64; ++i) {
      document.mutable_fingerprint()->add_minhash(0xbf58476d1ce4e5b9ull * (n * 64 + i + 1));
    }
  }
  return document;
}

// `document` as the store gives it back: its MinHash values cut to the bits
// comparisons read (common/text_fingerprint.h).
Document AsStored(Document document) {
  if (document.has_fingerprint()) {
    *document.mutable_fingerprint() = WithKeptMinHashBits(document.fingerprint());
  }
  return document;
}

// The bytes of the document as stored (AsStored), with map entries in key
// order. The concurrent test compares these rather than using
// MessageDifferencer, whose reflection over map fields crashes in the TSan
// build (Debian's uninstrumented libprotobuf sees another layout), and that
// test is the one worth running under TSan.
std::string Canonical(const Document& document) {
  std::string bytes;
  google::protobuf::io::StringOutputStream stream(&bytes);
  google::protobuf::io::CodedOutputStream out(&stream);
  out.SetSerializationDeterministic(true);
  AsStored(document).SerializeToCodedStream(&out);
  out.Trim();
  return bytes;
}

void ExpectEqualDocuments(const Document& actual, const Document& expected) {
  std::string difference;
  MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&difference);
  EXPECT_TRUE(differencer.Compare(actual, AsStored(expected)))
      << expected.id() << ": " << difference;
}

// The default keeps one document per frame; these tests pack blocks so that
// sealing, the open block and concurrent loads inside a block are covered.
constexpr size_t kBlockOfEight = 8;
const DocumentStoreOptions kBlocksOfEight{.block_documents = kBlockOfEight};

TEST(DocumentStore, RoundTripsBeforeTheDictionaryIsTrained) {
  DocumentStore store;
  std::vector<Document> documents;
  for (int n = 0; n < 20; ++n) documents.push_back(StatementLike(n));
  documents.push_back(Document());  // Nothing set at all.
  Document empty_fingerprint = StatementLike(99);
  empty_fingerprint.mutable_fingerprint()->Clear();  // Present, but empty.
  documents.push_back(empty_fingerprint);
  for (size_t k = 0; k < documents.size(); ++k) EXPECT_EQ(store.Append(documents[k]), k);
  EXPECT_FALSE(store.has_dictionary());
  ASSERT_EQ(store.size(), documents.size());
  for (uint32_t doc = 0; doc < store.size(); ++doc) {
    absl::StatusOr<Document> loaded = store.Load(doc);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    ExpectEqualDocuments(*loaded, documents[doc]);
    EXPECT_EQ(loaded->has_fingerprint(), documents[doc].has_fingerprint());
  }
  EXPECT_EQ(store.Load(static_cast<uint32_t>(store.size())).status().code(),
            absl::StatusCode::kOutOfRange);
}

TEST(DocumentStore, RoundTripsManyDocumentsAcrossTheDictionaryAndCompressesThem) {
  DocumentStore store(kBlocksOfEight);
  const int kCount = 3000;
  uint64_t serialized = 0;
  uint64_t sampled = 0;  // Bytes compressed, without the column fields.
  uint64_t compressed_before_dictionary = 0;
  uint64_t serialized_before_dictionary = 0;
  for (int n = 0; n < kCount; ++n) {
    if (!store.has_dictionary()) {
      compressed_before_dictionary = store.compressed_bytes();
      serialized_before_dictionary = store.sealed_serialized_bytes();
    }
    const Document document = StatementLike(n);
    serialized += document.ByteSizeLong();
    Document stripped = document;
    stripped.clear_id();
    stripped.clear_content_hash();
    stripped.clear_fingerprint();
    sampled += stripped.ByteSizeLong();
    EXPECT_EQ(store.Append(document), static_cast<uint32_t>(n));
    // Trained as soon as enough samples exist.
    EXPECT_EQ(store.has_dictionary(), n + 1 >= static_cast<int>(kDictionaryTrainingDocuments) ||
                                          sampled >= kDictionaryTrainingBytes)
        << n;
  }
  EXPECT_EQ(store.serialized_bytes(), sampled);
  ASSERT_EQ(store.size(), static_cast<size_t>(kCount));
  for (uint32_t doc = 0; doc < store.size(); ++doc) {
    const Document expected = StatementLike(static_cast<int>(doc));
    absl::StatusOr<Document> loaded = store.Load(doc);
    ASSERT_TRUE(loaded.ok()) << doc << ": " << loaded.status();
    ExpectEqualDocuments(*loaded, expected);
    // Columns answer without decompressing.
    EXPECT_EQ(store.id(doc), expected.id());
    EXPECT_EQ(store.content_hash(doc), expected.content_hash());
    EXPECT_EQ(store.simhash(doc), expected.fingerprint().simhash());
    ASSERT_EQ(store.minhash(doc).size(),
              static_cast<size_t>(expected.fingerprint().minhash_size()));
    for (int i = 0; i < expected.fingerprint().minhash_size(); ++i) {
      EXPECT_EQ(store.minhash(doc)[i], KeptMinHashBits(expected.fingerprint().minhash(i)));
    }
    // Kept to 16 bits a value, the stored fingerprint still compares with
    // the full one as the same text.
    if (HasMinHash(expected.fingerprint())) {
      EXPECT_EQ(MinHashResemblance(loaded->fingerprint(), expected.fingerprint()), 1.0);
    }
  }
  // The whole store, columns and dictionary included, holds less than the
  // documents' serialized bytes (of which the fingerprints, 64 random
  // 64-bit values each, cannot shrink).
  EXPECT_LT(store.MemoryBytes(), serialized);
  // Blocks made with the dictionary are over 3x smaller than their
  // documents (those sealed before it stay plain zstd frames).
  EXPECT_LT((store.compressed_bytes() - compressed_before_dictionary) * 3,
            store.sealed_serialized_bytes() - serialized_before_dictionary);
  // All but the open block's documents are compressed.
  EXPECT_EQ(store.serialized_bytes() - store.sealed_serialized_bytes(), [&] {
    uint64_t open = 0;
    for (size_t doc = kCount / kBlockOfEight * kBlockOfEight; doc < kCount; ++doc) {
      open += store.StoredBytes(static_cast<uint32_t>(doc));
    }
    return open;
  }());
}

// Memory grows with each document, but for the append that seals a block:
// the block's documents, kept serialized until then, give way to its
// smaller frame. From one sealed block to the next it grows.
TEST(DocumentStore, MemoryGrowsWithEachDocument) {
  DocumentStore store(kBlocksOfEight);
  uint64_t previous = store.MemoryBytes();
  uint64_t previous_sealed = previous;
  for (int n = 0; n < 50; ++n) {
    store.Append(StatementLike(n));
    if (store.size() % kBlockOfEight == 0) {
      EXPECT_GT(store.MemoryBytes(), previous_sealed) << n;
      previous_sealed = store.MemoryBytes();
    } else {
      EXPECT_GE(store.MemoryBytes(), previous) << n;
    }
    previous = store.MemoryBytes();
  }
  EXPECT_GT(previous, 50u * 64 * 2);  // At least the minhash column.
}

TEST(DocumentStore, LoadsConcurrentlyFromFourThreads) {
  DocumentStore store(kBlocksOfEight);
  const int kCount = 1500;  // Past the dictionary's training.
  for (int n = 0; n < kCount; ++n) store.Append(StatementLike(n));
  ASSERT_TRUE(store.has_dictionary());
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&store, &mismatches, t] {
      for (int round = 0; round < 2; ++round) {
        for (uint32_t doc = t; doc < store.size(); doc += 3) {
          absl::StatusOr<Document> loaded = store.Load(doc);
          if (!loaded.ok() || Canonical(*loaded) != Canonical(StatementLike(doc))) {
            mismatches[t]++;
          }
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

// Incompressible bytes standing for a zstd frame the ingest service made.
std::string FrameLike(int n, size_t size) {
  std::string bytes(size, '\0');
  uint64_t state = 0x9e3779b97f4a7c15ULL * static_cast<uint64_t>(n + 1);
  for (char& c : bytes) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    c = static_cast<char>(state >> 56);
  }
  return bytes;
}

TEST(DocumentStore, KeepsRawBytesApartAndReturnsThemOnlyWhenAsked) {
  // One document a block, so that each is compressed as soon as appended.
  DocumentStore store(DocumentStoreOptions{.block_documents = 1});
  Document with_raw = StatementLike(1);
  with_raw.mutable_raw()->set_zstd_content(FrameLike(1, 3000));
  with_raw.mutable_raw()->set_content_bytes(9000);
  with_raw.mutable_raw()->set_content_type("CONTENT_TYPE_HTML");
  with_raw.mutable_raw()->set_source_uri("https://www.nato.int/docu/pr/2001/p1.htm");
  const uint32_t doc = store.Append(with_raw);
  const uint32_t plain = store.Append(StatementLike(2));

  ASSERT_TRUE(store.has_raw(doc));
  EXPECT_FALSE(store.has_raw(plain));
  absl::StatusOr<Document> parsed_only = store.Load(doc);
  ASSERT_TRUE(parsed_only.ok()) << parsed_only.status();
  EXPECT_FALSE(parsed_only->has_raw());
  Document expected = with_raw;
  expected.clear_raw();
  EXPECT_EQ(Canonical(*parsed_only), Canonical(expected));

  absl::StatusOr<Document> whole = store.Load(doc, StoredParts::kWithRaw);
  ASSERT_TRUE(whole.ok()) << whole.status();
  EXPECT_EQ(Canonical(*whole), Canonical(with_raw));
  absl::StatusOr<Document> none = store.Load(plain, StoredParts::kWithRaw);
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_FALSE(none->has_raw());

  // Not compressed again: the frame is in the store as it came, and the
  // compressed frames are those of the documents without it.
  EXPECT_EQ(store.raw_bytes(), with_raw.raw().ByteSizeLong());
  DocumentStore reference(DocumentStoreOptions{.block_documents = 1});
  reference.Append(expected);
  reference.Append(StatementLike(2));
  EXPECT_EQ(store.serialized_bytes(), reference.serialized_bytes());
  // (zstd may differ by a byte or two between contexts; the 3000
  // incompressible bytes would show.)
  EXPECT_LT(store.compressed_bytes(), reference.compressed_bytes() + 64);
}

TEST(DocumentStore, CountsKeptRawBytesInItsMemory) {
  DocumentStore without;
  DocumentStore with;
  for (int n = 0; n < 40; ++n) {
    Document document = StatementLike(n);
    without.Append(document);
    document.mutable_raw()->set_zstd_content(FrameLike(n, 4000));
    with.Append(document);
  }
  EXPECT_GE(with.MemoryBytes(), without.MemoryBytes() + 40u * 4000);
  EXPECT_GE(with.raw_bytes(), 40u * 4000);
  EXPECT_EQ(without.raw_bytes(), 0u);
}

// Every slot loads after every append, at several block sizes: while its
// block is open, once it is sealed, on either side of each boundary, and in
// the last, partial block. A block is compressed when, and only when, it
// fills.
// Each slot's id, hash, fingerprint and raw bytes live in one record of
// varint sizes (document_store.cc): ids long enough for a two-byte size,
// ids of both parities (the MinHash values must start at an even address
// whatever precedes them), empty fields, a fingerprint without MinHash
// values and every combination of fingerprint and raw bytes.
TEST(DocumentStore, KeepsEverySlotsFieldsWhateverTheirSizes) {
  DocumentStore store(DocumentStoreOptions{.block_documents = 1});
  std::vector<Document> appended;
  for (int n = 0; n < 40; ++n) {
    Document document = StatementLike(n);
    document.set_id(std::string(n % 5 == 0 ? 300 + n : 1 + n, static_cast<char>('a' + n % 26)));
    if (n % 6 == 1) document.clear_content_hash();
    if (n % 3 == 0) document.clear_fingerprint();
    if (n % 8 == 5) {
      document.mutable_fingerprint()->clear_minhash();
      document.mutable_fingerprint()->set_simhash(n + 1);
    }
    if (n % 2 == 0) {
      document.mutable_raw()->set_zstd_content(FrameLike(n, n % 4 == 0 ? 200 : 5000));
      document.mutable_raw()->set_content_bytes(10000 + n);
    }
    store.Append(document);
    appended.push_back(document);
  }
  for (uint32_t doc = 0; doc < appended.size(); ++doc) {
    const Document& expected = appended[doc];
    EXPECT_EQ(store.id(doc), expected.id()) << doc;
    EXPECT_EQ(store.content_hash(doc), expected.content_hash()) << doc;
    EXPECT_EQ(store.simhash(doc), expected.fingerprint().simhash()) << doc;
    ASSERT_EQ(store.minhash(doc).size(), static_cast<size_t>(expected.fingerprint().minhash_size()))
        << doc;
    EXPECT_EQ(reinterpret_cast<uintptr_t>(store.minhash(doc).data()) % alignof(uint16_t), 0u);
    for (int i = 0; i < expected.fingerprint().minhash_size(); ++i) {
      EXPECT_EQ(store.minhash(doc)[i], KeptMinHashBits(expected.fingerprint().minhash(i)));
    }
    EXPECT_EQ(store.has_raw(doc), expected.has_raw()) << doc;
    absl::StatusOr<Document> whole = store.Load(doc, StoredParts::kWithRaw);
    ASSERT_TRUE(whole.ok()) << whole.status();
    EXPECT_EQ(Canonical(*whole), Canonical(expected)) << doc;
    EXPECT_EQ(whole->has_fingerprint(), expected.has_fingerprint()) << doc;
  }
}

TEST(DocumentStore, LoadsEverySlotAcrossBlockBoundaries) {
  for (size_t block_documents : {1, 2, 5, 16}) {
    SCOPED_TRACE(absl::StrCat("block_documents ", block_documents));
    DocumentStore store(DocumentStoreOptions{.block_documents = block_documents});
    std::vector<Document> documents;
    for (int n = 0; n < 50; ++n) {
      // Empty documents (0 bytes serialized) inside a block, too.
      documents.push_back(n % 9 == 4 ? Document() : StatementLike(n));
      ASSERT_EQ(store.Append(documents.back()), static_cast<uint32_t>(n));
      uint64_t sealed_bytes = 0;
      const size_t sealed = store.size() / block_documents * block_documents;
      for (uint32_t doc = 0; doc < store.size(); ++doc) {
        absl::StatusOr<Document> loaded = store.Load(doc);
        ASSERT_TRUE(loaded.ok()) << doc << ": " << loaded.status();
        ASSERT_EQ(Canonical(*loaded), Canonical(documents[doc])) << doc << " of " << store.size();
        Document stripped = documents[doc];
        stripped.clear_id();
        stripped.clear_content_hash();
        stripped.clear_fingerprint();
        EXPECT_EQ(store.StoredBytes(doc), stripped.ByteSizeLong());
        if (doc < sealed) sealed_bytes += stripped.ByteSizeLong();
      }
      EXPECT_EQ(store.sealed_serialized_bytes(), sealed_bytes);
      EXPECT_EQ(store.compressed_bytes() > 0, sealed > 0);
    }
    EXPECT_EQ(store.StoredBytes(static_cast<uint32_t>(store.size())), 0u);
  }
}

// Block sizes that do not divide the dictionary's training count: the
// block that straddles the training is compressed with the dictionary,
// those before without, and all read back.
TEST(DocumentStore, RoundTripsAcrossTheDictionaryAtOddBlockSizes) {
  for (size_t block_documents : {7, 64}) {
    SCOPED_TRACE(absl::StrCat("block_documents ", block_documents));
    DocumentStore store(DocumentStoreOptions{.block_documents = block_documents});
    const int kCount = static_cast<int>(kDictionaryTrainingDocuments) + 150;
    for (int n = 0; n < kCount; ++n) store.Append(StatementLike(n));
    ASSERT_TRUE(store.has_dictionary());
    for (uint32_t doc = 0; doc < store.size(); ++doc) {
      absl::StatusOr<Document> loaded = store.Load(doc);
      ASSERT_TRUE(loaded.ok()) << doc << ": " << loaded.status();
      ASSERT_EQ(Canonical(*loaded), Canonical(StatementLike(static_cast<int>(doc)))) << doc;
    }
  }
}

// Larger blocks compress better: the point of packing them.
TEST(DocumentStore, LargerBlocksTakeFewerBytes) {
  uint64_t previous = 0;
  for (size_t block_documents : {1, 4, 16}) {
    DocumentStore store(DocumentStoreOptions{.block_documents = block_documents});
    for (int n = 0; n < 1600; ++n) store.Append(StatementLike(n));
    if (previous != 0) {
      EXPECT_LT(store.compressed_bytes(), previous) << block_documents;
    }
    previous = store.compressed_bytes();
  }
}

}  // namespace
}  // namespace docsearch::query
