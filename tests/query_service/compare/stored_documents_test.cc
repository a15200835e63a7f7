// Parsed documents (the seeds and the development corpus, as the ingest
// parser makes them: entities, fingerprints, attributes) come back out of
// the compressed document store and the index unchanged, but for their
// MinHash values, kept to the bits comparisons read.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/text_fingerprint.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "query_service/index/document_store.h"
#include "tests/query_service/compare/compare_fixture.h"

namespace docsearch::query::compare {
namespace {

using docsearch::v1::Document;
using google::protobuf::util::MessageDifferencer;

// `document` as the store returns it.
Document AsStored(Document document) {
  if (document.has_fingerprint()) {
    *document.mutable_fingerprint() = WithKeptMinHashBits(document.fingerprint());
  }
  return document;
}

std::vector<Document> ParsedDocuments() {
  std::vector<Document> documents = {testing::JointStatement2001(), testing::Update2003()};
  for (auto& document : testing::DevDocuments()) documents.push_back(std::move(document));
  return documents;
}

TEST(StoredDocuments, ParsedDocumentsRoundTripBeforeAndAfterTheDictionary) {
  const std::vector<Document> parsed = ParsedDocuments();
  ASSERT_GE(parsed.size(), 2u);
  ASSERT_TRUE(parsed[0].fingerprint().minhash_size() > 0) << "the parser stores fingerprints";
  DocumentStore store;
  std::vector<Document> appended;
  // Copies under new ids until the dictionary is trained, and as many
  // after: enough documents that the store's fixed costs (the dictionary's
  // and the compression context's tables, the newest arena block's unused
  // end) are a small share, as in any real index. Stopping at the training
  // left the comparison at the end to where the arena blocks happened to
  // end.
  int copies = 0;
  for (int copy = 0; !store.has_dictionary() || copy < 2 * copies; ++copy) {
    if (!store.has_dictionary()) copies = copy + 1;
    ASSERT_LT(copy, 1000) << "the dictionary is never trained";
    for (Document document : parsed) {
      document.set_id(absl::StrCat(document.id(), "#", copy));
      store.Append(document);
      appended.push_back(std::move(document));
    }
    if (copy == 0) {
      // Before any dictionary (fewer documents than it needs).
      for (uint32_t doc = 0; doc < store.size(); ++doc) {
        absl::StatusOr<Document> loaded = store.Load(doc);
        ASSERT_TRUE(loaded.ok()) << loaded.status();
        EXPECT_TRUE(MessageDifferencer::Equals(*loaded, AsStored(appended[doc])))
            << appended[doc].id();
      }
    }
  }
  for (uint32_t doc = 0; doc < store.size(); ++doc) {
    absl::StatusOr<Document> loaded = store.Load(doc);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    EXPECT_TRUE(MessageDifferencer::Equals(*loaded, AsStored(appended[doc]))) << appended[doc].id();
  }
  uint64_t serialized = 0;
  for (const Document& document : appended) serialized += document.ByteSizeLong();
  EXPECT_LT(store.MemoryBytes(), serialized);
}

TEST(StoredDocuments, GetReturnsTheParsedDocument) {
  const SearchIndex& index = testing::SharedSeedIndex();
  for (const Document& document : ParsedDocuments()) {
    absl::StatusOr<Document> stored = index.Get(document.id());
    ASSERT_TRUE(stored.ok()) << stored.status();
    EXPECT_TRUE(MessageDifferencer::Equals(*stored, AsStored(document))) << document.id();
  }
}

}  // namespace
}  // namespace docsearch::query::compare
