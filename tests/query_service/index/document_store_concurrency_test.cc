// DocumentStore with one writer appending while readers load the slots
// appended before (the index's two copies share one store, so a search on
// one copy loads documents while the writer appends for the other). In the
// ThreadSanitizer suite (label `concurrency`).
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/text_fingerprint.h"
#include "gtest/gtest.h"
#include "query_service/index/document_store.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Document;

Document Numbered(int n) {
  Document document;
  document.set_id(absl::StrCat("doc-", n));
  document.set_content_hash(absl::StrCat("hash-", n));
  document.set_title(absl::StrCat("Statement ", n, " on crisis management and arms control"));
  document.add_paragraphs()->set_text(
      absl::StrCat("The Council met in session ", n, " and discussed the situation."));
  document.mutable_fingerprint()->set_simhash(static_cast<uint64_t>(n) * 7919);
  for (int i = 0; i < 8; ++i) document.mutable_fingerprint()->add_minhash(n * 100 + i);
  return document;
}

TEST(DocumentStoreConcurrency, ReadersLoadEarlierSlotsWhileTheWriterAppends) {
  DocumentStore store;
  // Past the dictionary's training, so readers also cross its publication.
  const int kCount = static_cast<int>(kDictionaryTrainingDocuments) + 300;
  std::atomic<int> published{0};
  std::atomic<int> mismatches{0};
  std::atomic<bool> done{false};
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r) {
    readers.emplace_back([&, r] {
      int doc = r;
      while (!done.load()) {
        const int limit = published.load();
        if (limit == 0) continue;
        doc = (doc + 37) % limit;
        absl::StatusOr<Document> loaded = store.Load(static_cast<uint32_t>(doc));
        const Document expected = Numbered(doc);
        if (!loaded.ok() || loaded->title() != expected.title() ||
            store.id(static_cast<uint32_t>(doc)) != expected.id() ||
            store.minhash(static_cast<uint32_t>(doc)).size() != 8 ||
            store.minhash(static_cast<uint32_t>(doc))[7] !=
                KeptMinHashBits(static_cast<uint64_t>(doc * 100 + 7))) {
          ++mismatches;
        }
        store.MemoryBytes();  // Read while it changes.
      }
    });
  }
  for (int n = 0; n < kCount; ++n) {
    ASSERT_EQ(store.Append(Numbered(n)), static_cast<uint32_t>(n));
    published.store(n + 1);  // What the index's copy switch does.
  }
  done = true;
  for (std::thread& reader : readers) reader.join();
  EXPECT_TRUE(store.has_dictionary());
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace docsearch::query
