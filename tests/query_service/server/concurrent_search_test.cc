// SearchIndex under concurrent writers and readers (run under TSan in CI,
// scripts/test.sh): read-your-writes, and no search ever sees a document
// half applied.
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"

namespace docsearch::query {
namespace {

using ::docsearch::v1::SearchRequest;

constexpr int kWriters = 3;
constexpr int kReaders = 3;
constexpr int kOperationsPerWriter = 120;
constexpr int kDocumentsPerWriter = 8;

// Letters only, so the analyzer keeps the word whole: 7 → "qxh".
std::string Letters(int number) {
  std::string word;
  do {
    word += static_cast<char>('h' + number % 16);
    number /= 16;
  } while (number > 0);
  return word;
}

// Version `version` of a document: the same marker word in the title and in
// the body, so a search finding the marker by title must see it in the
// stored body too.
std::unique_ptr<v1::Document> Version(const std::string& id, int version) {
  const std::string marker = version % 2 == 0 ? "kappa" : "lambda";
  auto document = std::make_unique<v1::Document>();
  document->set_id(id);
  document->set_title(absl::StrCat(marker, " title"));
  document->add_paragraphs()->set_text(absl::StrCat(marker, " body of version ", Letters(version)));
  document->set_language("en");
  document->set_doc_type(version % 3 == 0 ? v1::DOC_TYPE_SPEECH : v1::DOC_TYPE_UPDATE);
  document->mutable_published()->set_year(1990 + version % 30);
  document->set_content_hash(absl::StrCat(id, "-", version));
  return document;
}

SearchRequest TitleSearch(const std::string& word) {
  SearchRequest request;
  auto* match = request.mutable_query()->mutable_match();
  match->set_text(word);
  match->add_fields()->set_field("title");
  request.set_page_size(50);
  return request;
}

// A word only document `id` version `version` holds.
std::string UniqueWord(int writer, int slot, int version) {
  return absl::StrCat("w", Letters(writer), "s", Letters(slot), "v", Letters(version));
}

// The index as configured by default (a few hundred documents stay in the
// open postings), or sealing every 5 documents and merging by 3, so that
// seals and background merges run among the writes and searches.
class ConcurrentSearchTest : public ::testing::TestWithParam<bool> {
 protected:
  static SearchOptions Options() {
    SearchOptions options;
    if (GetParam()) {
      options.segments.seal_documents = 5;
      options.segments.factor = 3;
    }
    return options;
  }
};

TEST_P(ConcurrentSearchTest, ReadersSeeEveryAcknowledgedWriteAndNoHalfAppliedDocument) {
  SearchIndex index{Options()};
  std::atomic<int> writers_running{kWriters};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kOperationsPerWriter; ++i) {
        const int slot = i % kDocumentsPerWriter;
        const std::string id = absl::StrCat("w", w, "-", slot);
        if (i % 5 == 4) {
          absl::Status deleted = index.Delete(id);
          EXPECT_TRUE(deleted.ok() || absl::IsNotFound(deleted)) << deleted;
          // Read-your-writes: a search started after Delete returned.
          auto gone = index.Get(id);
          EXPECT_TRUE(absl::IsNotFound(gone.status())) << id;
          continue;
        }
        auto document = Version(id, i);
        const std::string unique = UniqueWord(w, slot, i);
        document->mutable_paragraphs(0)->set_text(
            absl::StrCat(document->paragraphs(0).text(), " ", unique));
        auto upserted = index.Upsert(std::move(document));
        ASSERT_TRUE(upserted.ok()) << upserted.status();
        // Read-your-writes: a search started after Upsert returned sees it.
        SearchRequest request;
        request.mutable_query()->mutable_match()->set_text(unique);
        auto found = SearchByRequest(index, request);
        ASSERT_TRUE(found.ok()) << found.status();
        ASSERT_EQ(found->hits_size(), 1) << unique;
        EXPECT_EQ(found->hits(0).id(), id);
        auto stored = index.Get(id);
        ASSERT_TRUE(stored.ok());
      }
      writers_running.fetch_sub(1);
    });
  }
  std::atomic<int> reads{0};
  for (int r = 0; r < kReaders; ++r) {
    threads.emplace_back([&, r] {
      while (writers_running.load() > 0) {
        // Whatever a search finds by the title marker carries that marker in
        // its stored title and body: index and store changed together.
        const std::string marker = r % 2 == 0 ? "kappa" : "lambda";
        auto response = SearchByRequest(index, TitleSearch(marker));
        ASSERT_TRUE(response.ok()) << response.status();
        for (const auto& hit : response->hits()) {
          EXPECT_TRUE(absl::StartsWith(hit.title(), marker)) << hit.id() << ": " << hit.title();
          ASSERT_FALSE(hit.snippets().empty()) << hit.id();
          EXPECT_TRUE(absl::StrContains(hit.snippets(0).text(), marker))
              << hit.id() << ": " << hit.snippets(0).text();
        }
        // Facet counts and the total come from one snapshot.
        SearchRequest all;
        all.mutable_query()->mutable_match_all();
        all.add_facets("doc_type");
        auto everything = SearchByRequest(index, all);
        ASSERT_TRUE(everything.ok());
        int64_t counted = 0;
        for (const auto& value : everything->facets(0).values()) counted += value.count();
        EXPECT_EQ(counted, everything->total_size());
        // Paging with tokens while writes go on stays valid.
        SearchRequest paged = TitleSearch("title");
        paged.set_page_size(3);
        auto first = SearchByRequest(index, paged);
        ASSERT_TRUE(first.ok());
        if (!first->next_page_token().empty()) {
          paged.set_page_token(first->next_page_token());
          EXPECT_TRUE(SearchByRequest(index, paged).ok());
        }
        const auto stats = index.Stats();
        EXPECT_LE(stats.document_count(), kWriters * kDocumentsPerWriter);
        EXPECT_GE(stats.posting_count(), stats.document_count());
        reads.fetch_add(1);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_GT(reads.load(), 0);
  // Every slot's last operation decides whether it is live.
  const auto stats = index.Stats();
  int live = 0;
  for (int w = 0; w < kWriters; ++w) {
    for (int slot = 0; slot < kDocumentsPerWriter; ++slot) {
      live += index.Get(absl::StrCat("w", w, "-", slot)).ok();
    }
  }
  EXPECT_EQ(stats.document_count(), live);
  if (GetParam()) {
    EXPECT_GT(stats.segment_count(), 0);
    // Merged segments dropped dead postings; what is left still finds
    // every live document by its unique words.
    index.WaitForMerges();
    SearchRequest everything = TitleSearch("title");
    everything.set_page_size(100);
    auto found = SearchByRequest(index, everything);
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->total_size(), live);
  }
}

INSTANTIATE_TEST_SUITE_P(Segments, ConcurrentSearchTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "SealEvery5MergeBy3" : "Defaults";
                         });

// Writers never block readers: a write that waits for a read begun before
// it (here one held open on purpose) has already made its document visible
// to every search that starts meanwhile. Under the old reader/writer lock
// the write waited for the read and the searches queued behind the write.
TEST(ConcurrentSearch, SearchesFindAWriteWhileItWaitsForAnEarlierRead) {
  SearchIndex index{SearchOptions{}};
  ASSERT_TRUE(index.Upsert(Version("first", 0)).ok());
  std::atomic<bool> read_in{false};
  std::atomic<bool> release_read{false};
  std::thread long_read([&] {
    index.Read([&](IndexSnapshot data) {
      read_in = true;
      while (!release_read.load()) std::this_thread::yield();
      return data->live_count();
    });
  });
  while (!read_in.load()) std::this_thread::yield();

  std::atomic<bool> upsert_returned{false};
  std::thread writer([&] {
    auto document = Version("second", 1);
    document->mutable_paragraphs(0)->set_text("a paragraph with zeugma in it");
    EXPECT_TRUE(index.Upsert(std::move(document)).ok());
    upsert_returned = true;
  });
  SearchRequest request;
  request.mutable_query()->mutable_match()->set_text("zeugma");
  int hits = 0;
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (hits == 0 && absl::Now() < deadline) {
    auto found = SearchByRequest(index, request);
    ASSERT_TRUE(found.ok()) << found.status();
    hits = found->hits_size();
  }
  EXPECT_EQ(hits, 1);
  EXPECT_FALSE(upsert_returned.load()) << "the write did not wait for the earlier read";
  release_read = true;
  long_read.join();
  writer.join();
  EXPECT_TRUE(index.Get("second").ok());
}

}  // namespace
}  // namespace docsearch::query
