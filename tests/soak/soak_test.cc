// Soak test: both real services, on loopback, under a steady mix of
// concurrent ingest, replacement, deletion, search and get for SOAK_SECONDS
// (default 100), with the memory of both processes sampled every second.
//
// Promises under test, as a user would see them:
//   - at a load the machine sustains, no call fails;
//   - every acknowledged document is there at the end with the content hash
//     it was acknowledged with and is found by search; deleted and replaced
//     versions are not;
//   - memory grows with the data and only with the data.
//
// The run has three phases (fractions of SOAK_SECONDS):
//   warm-up [0, 20%)    new documents. Thread pools, allocator arenas and
//                       hash tables settle; memory is not judged.
//   growth  [20%, 60%)  new documents, replacements and deletes. The query
//                       service's RSS may grow by at most kGrowthFactor times
//                       what the index's own accounting (GetIndexStats
//                       memory_bytes) grew, plus kGrowthSlackBytes.
//   steady  [60%, 100%) identical re-ingests of stored documents (no-op
//                       upserts: same id, same content_hash) and the same
//                       reads. Parsing, the ingest queue, the batch stream
//                       and every read keep running (the log and the apply
//                       step are skipped as unchanged), but no data is
//                       added, so memory_bytes must not move and
//                       both services' RSS must stay within
//                       kSteadySlackBytes of where it was (the ingest
//                       service's since warm-up: it holds no data at all).
//                       A per-request leak shows here.
// Each comparison uses the median of five one-second samples at either end
// of its window, so a single noisy sample cannot fail the run.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/integration/service_process.h"
#include "tests/soak/latency_recorder.h"
#include "tests/soak/memory_sampler.h"
#include "tests/soak/soak_corpus.h"
#include "tests/soak/soak_ledger.h"
#include "tests/soak/steady_pacer.h"

namespace docsearch::testing {
namespace {

// Sanitizer builds (the services are built the same way as this test)
// keep freed memory in quarantine and shadow memory on top, so RSS says
// nothing about leaks there; LeakSanitizer at the services' clean exit does.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// CI default: 20 s of warm-up plus two 40 s measurement windows, each with
// 40 one-second memory samples. Long enough for a leak of a few KiB per
// request to clear the slack below; short enough for CI's budget.
// Under a sanitizer the default is 30 s: enough to run every path
// concurrently under the sanitizer, which is the point there.
constexpr int kDefaultSeconds = kSanitized ? 30 : 100;
// Below this the windows are too short to judge memory; the run then checks
// errors and durability only.
constexpr int kMinimumSecondsForMemoryChecks = 40;

// The offered load. Modest on purpose: CI machines have two cores and run
// debug builds; the soak is about staying correct and bounded for a long
// time, not about peak throughput (see docs/BENCHMARKS.md for that).
constexpr int kUnaryIngestClients = 2;
constexpr double kUnaryIngestPerSecond = 6;  // Per client.
constexpr int kStreamIngestClients = 2;
constexpr double kStreamsPerSecond = 2;  // Per client.
constexpr int kDocumentsPerStream = 5;
constexpr int kSearchClients = 2;
constexpr double kSearchesPerSecond = 15;  // Per client.
constexpr double kGetsPerSecond = 15;      // One client.

// Memory judgement. memory_bytes is the index's estimate of its own
// structures; the heap really spends more (malloc headers on many small
// position vectors, hash tables growing by doubling, protobuf arenas), and
// gRPC's buffers come on top: runs measure 1.6-1.7x (2.2x once, on an
// overloaded machine). 3x plus 16 MiB never
// fails on that and catches memory the data does not explain at all (e.g.
// batches or requests retained). It is no fine leak detector: a copy of
// every applied document leaked measured 2.2x. (Identical re-sends stop
// before the apply path, so the steady phase does not see that one either.)
// In the steady phase nothing legitimate grows: runs measure at most
// +0.3 MiB (one 600 s run on an overloaded machine: +46.6 MiB, cause not
// established; see docs/RELIABILITY.md). 4 MiB is over ten times that, and still catches a leak of
// one parsed document per write (about 7 KiB: an injected one grew the query service by 6.4 MiB in
// a default run); longer runs catch smaller leaks.
constexpr double kGrowthFactor = 3.0;
constexpr int64_t kGrowthSlackBytes = 16 << 20;
constexpr int64_t kSteadySlackBytes = 4 << 20;
constexpr absl::Duration kJudgeWindow = absl::Seconds(5);

constexpr absl::Duration kCallDeadline = absl::Seconds(30);

double MiB(int64_t bytes) { return static_cast<double>(bytes) / (1 << 20); }

int SoakSeconds() {
  const char* value = std::getenv("SOAK_SECONDS");
  int seconds = kDefaultSeconds;
  if (value != nullptr && *value != '\0' && (!absl::SimpleAtoi(value, &seconds) || seconds < 5)) {
    ADD_FAILURE() << "SOAK_SECONDS must be a whole number of seconds >= 5, not '" << value << "'";
    seconds = kDefaultSeconds;
  }
  return seconds;
}

class SoakTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_dir_ = ::testing::TempDir() + "/soak_test_" + std::to_string(getpid());
    std::filesystem::remove_all(work_dir_);
    std::filesystem::create_directories(work_dir_);
    auto texts = LoadCorpusTexts({std::string(DOCSEARCH_SHARED_CORPUS) + "/seeds",
                                  std::string(DOCSEARCH_SHARED_CORPUS) + "/nato-dev/docs",
                                  std::string(DOCSEARCH_SAMPLES_DIR)});
    ASSERT_TRUE(texts.ok()) << texts.status();
    texts_ = *std::move(texts);
    seed_ = std::random_device{}();
    std::cout << "soak: random seed " << seed_ << "\n";
  }
  void TearDown() override { std::filesystem::remove_all(work_dir_); }

  v1::RawDocument Raw(const Copy& copy) const {
    v1::RawDocument raw;
    raw.set_id(copy.id);
    raw.set_source_uri(texts_[copy.text].name);
    raw.set_content(WithMarker(texts_[copy.text].text, copy.number));
    return raw;
  }

  grpc::ClientContext* Deadline(grpc::ClientContext& context) const {
    context.set_deadline(absl::ToChronoTime(absl::Now() + kCallDeadline));
    return &context;
  }

  // Unary IngestDocument: new documents, replacements of its own stable
  // ids, deletable documents and their deletion; identical re-sends in the
  // steady phase.
  void RunUnaryClient(int client, const SoakClock& clock, ClientLedger& ledger) {
    auto ingest = v1::IngestService::NewStub(
        grpc::CreateChannel(ingest_address_, grpc::InsecureChannelCredentials()));
    auto index = v1::IndexService::NewStub(
        grpc::CreateChannel(query_address_, grpc::InsecureChannelCredentials()));
    std::mt19937 random(seed_ + client);
    SteadyPacer pacer(kUnaryIngestPerSecond, absl::Milliseconds(random() % 200));
    std::vector<size_t> stable;     // Indexes into ledger.copies.
    std::vector<size_t> deletable;  // Live, deletable.
    int64_t next_number = int64_t{client} * 100'000'000;
    auto pick = [&random](const std::vector<size_t>& from) {
      return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(random)];
    };
    // `identical`: a re-send of the stored version, which must get the same
    // content hash back.
    auto send = [&](Copy& copy, bool identical) {
      v1::IngestDocumentRequest request;
      *request.mutable_document() = Raw(copy);
      v1::IngestDocumentResponse response;
      grpc::ClientContext context;
      const absl::Time begin = absl::Now();
      grpc::Status status = ingest->IngestDocument(Deadline(context), request, &response);
      ingest_latency_.Record(absl::Now() - begin);
      if (!status.ok()) {
        errors_.Add(absl::StrCat("IngestDocument ", copy.id), status);
        return false;
      }
      if (response.id() != copy.id) {
        errors_.Add(absl::StrCat("IngestDocument ", copy.id, " acknowledged as ", response.id()));
        return false;
      }
      if (identical && copy.hash != response.content_hash()) {
        errors_.Add(absl::StrCat("IngestDocument ", copy.id, " identical re-send got hash ",
                                 response.content_hash(), ", first ", copy.hash));
      }
      copy.hash = response.content_hash();
      return true;
    };

    for (int64_t n = 0;; ++n) {
      pacer.Wait();
      const Phase phase = clock.Now();
      if (phase == Phase::kOver) break;
      const int step = static_cast<int>(n % 10);
      if (phase == Phase::kSteady) {
        if (stable.empty()) continue;
        if (send(ledger.copies[pick(stable)], true)) ++ledger.identical_reingests;
      } else if (phase == Phase::kGrowth && step < 3 && !stable.empty()) {
        Copy& copy = ledger.copies[pick(stable)];
        copy.replaced_numbers.push_back(copy.number);
        copy.text = static_cast<int>(random() % texts_.size());
        copy.number = next_number++;
        if (send(copy, false)) ++ledger.replacements;
      } else if (phase == Phase::kGrowth && step == 9 && !deletable.empty()) {
        const size_t at = std::uniform_int_distribution<size_t>(0, deletable.size() - 1)(random);
        Copy& copy = ledger.copies[deletable[at]];
        deletable.erase(deletable.begin() + static_cast<std::ptrdiff_t>(at));
        v1::DeleteDocumentRequest request;
        request.set_id(copy.id);
        v1::DeleteDocumentResponse response;
        grpc::ClientContext context;
        grpc::Status status = index->DeleteDocument(Deadline(context), request, &response);
        if (status.ok()) {
          copy.deleted = true;
          ++ledger.deletes;
        } else {
          errors_.Add(absl::StrCat("DeleteDocument ", copy.id), status);
        }
      } else {
        Copy copy;
        copy.number = next_number++;
        copy.id = absl::StrCat("soak-unary-", client, "-", copy.number);
        copy.text = static_cast<int>(random() % texts_.size());
        copy.deletable = step >= 7;  // About one in three.
        if (!send(copy, false)) continue;
        ++ledger.new_documents;
        ledger.copies.push_back(copy);
        if (copy.deletable) {
          deletable.push_back(ledger.copies.size() - 1);
        } else {
          stable.push_back(ledger.copies.size() - 1);
          stable_ids_.Add(copy.id);
        }
      }
    }
    ledger.slips = pacer.slips();
  }

  // IngestDocuments streams of kDocumentsPerStream new documents; identical
  // re-sends of its own documents in the steady phase.
  void RunStreamClient(int client, const SoakClock& clock, ClientLedger& ledger) {
    auto ingest = v1::IngestService::NewStub(
        grpc::CreateChannel(ingest_address_, grpc::InsecureChannelCredentials()));
    std::mt19937 random(seed_ + 100 + client);
    SteadyPacer pacer(kStreamsPerSecond, absl::Milliseconds(random() % 500));
    int64_t next_number = int64_t{client + 50} * 100'000'000;
    for (;;) {
      pacer.Wait();
      const Phase phase = clock.Now();
      if (phase == Phase::kOver) break;
      const bool resend = phase == Phase::kSteady;
      if (resend && ledger.copies.empty()) continue;
      std::vector<Copy> batch;
      for (int i = 0; i < kDocumentsPerStream; ++i) {
        if (resend) {
          batch.push_back(ledger.copies[random() % ledger.copies.size()]);
        } else {
          Copy copy;
          copy.number = next_number++;
          copy.id = absl::StrCat("soak-stream-", client, "-", copy.number);
          copy.text = static_cast<int>(random() % texts_.size());
          copy.streamed = true;
          batch.push_back(copy);
        }
      }
      grpc::ClientContext context;
      v1::IngestDocumentsResponse response;
      const absl::Time begin = absl::Now();
      auto writer = ingest->IngestDocuments(Deadline(context), &response);
      for (const Copy& copy : batch) {
        v1::IngestDocumentsRequest request;
        *request.mutable_document() = Raw(copy);
        if (!writer->Write(request)) break;  // Finish() says why.
      }
      writer->WritesDone();
      grpc::Status status = writer->Finish();
      ingest_latency_.Record(absl::Now() - begin);
      if (!status.ok()) {
        errors_.Add("IngestDocuments", status);
        continue;
      }
      if (response.ingested_count() != kDocumentsPerStream || response.failed_count() != 0 ||
          response.results_size() != kDocumentsPerStream) {
        errors_.Add(absl::StrCat("IngestDocuments: ", response.ShortDebugString()));
        continue;
      }
      for (int i = 0; i < kDocumentsPerStream; ++i) {
        const v1::IngestResult& result = response.results(i);
        if (result.code() != 0 || result.id() != batch[static_cast<size_t>(i)].id) {
          errors_.Add(absl::StrCat("IngestDocuments result ", i, ": ", result.ShortDebugString()));
        }
      }
      if (resend) {
        ledger.identical_reingests += kDocumentsPerStream;
      } else {
        ledger.new_documents += kDocumentsPerStream;
        for (Copy& copy : batch) {
          stable_ids_.Add(copy.id);
          ledger.copies.push_back(std::move(copy));
        }
      }
    }
    ledger.slips = pacer.slips();
  }

  // Searches of every kind the API offers, round robin.
  std::vector<v1::SearchRequest> SearchMix() const {
    std::vector<v1::SearchRequest> mix(6);
    mix[0].mutable_query()->mutable_match()->set_text("defence cooperation");
    mix[1].mutable_query()->mutable_phrase()->set_text("missile defence");
    mix[2].set_query_string("russia AND \"partnership\" -doc_type:speech");
    mix[2].add_facets("doc_type");
    mix[2].set_date_histogram(v1::INTERVAL_YEAR);
    mix[3].set_query_string("published:[1995 TO 2003-06] AND (nuclear OR terror*)");
    mix[4].mutable_query()->mutable_match()->set_text("the allies reaffirmed their commitment");
    mix[4].set_page_size(50);
    mix[5].set_query_string("title:nato");
    mix[5].set_sort(v1::SORT_ORDER_PUBLISHED_DESC);
    return mix;
  }

  void RunSearchClient(int client, const SoakClock& clock, int64_t& slips) {
    auto query = v1::QueryService::NewStub(
        grpc::CreateChannel(query_address_, grpc::InsecureChannelCredentials()));
    const std::vector<v1::SearchRequest> mix = SearchMix();
    std::mt19937 random(seed_ + 200 + client);
    SteadyPacer pacer(kSearchesPerSecond, absl::Milliseconds(random() % 100));
    for (size_t n = static_cast<size_t>(client);; ++n) {
      pacer.Wait();
      if (clock.Now() == Phase::kOver) break;
      grpc::ClientContext context;
      v1::SearchResponse response;
      const absl::Time begin = absl::Now();
      grpc::Status status = query->Search(Deadline(context), mix[n % mix.size()], &response);
      search_latency_.Record(absl::Now() - begin);
      if (!status.ok()) errors_.Add(absl::StrCat("Search #", n % mix.size()), status);
    }
    slips = pacer.slips();
  }

  void RunGetClient(const SoakClock& clock, int64_t& slips) {
    auto query = v1::QueryService::NewStub(
        grpc::CreateChannel(query_address_, grpc::InsecureChannelCredentials()));
    std::mt19937 random(seed_ + 300);
    SteadyPacer pacer(kGetsPerSecond);
    for (;;) {
      pacer.Wait();
      if (clock.Now() == Phase::kOver) break;
      v1::GetDocumentRequest request;
      request.set_id(stable_ids_.Pick(random));
      if (request.id().empty()) continue;
      grpc::ClientContext context;
      v1::GetDocumentResponse response;
      const absl::Time begin = absl::Now();
      grpc::Status status = query->GetDocument(Deadline(context), request, &response);
      get_latency_.Record(absl::Now() - begin);
      if (!status.ok()) errors_.Add(absl::StrCat("GetDocument ", request.id()), status);
    }
    slips = pacer.slips();
  }

  // Drops the texts whose marker paragraph the parser does not keep (one
  // whose tail is site chrome loses the marker with it), asking the ingest
  // service itself so the test and the service cannot disagree.
  void KeepTextsThatKeepTheirMarker(v1::IngestService::Stub& ingest) {
    std::vector<CorpusText> kept;
    for (CorpusText& text : texts_) {
      v1::ParseDocumentRequest request;
      request.mutable_document()->set_content(WithMarker(text.text, 1));
      request.mutable_document()->set_source_uri(text.name);
      v1::ParseDocumentResponse response;
      grpc::ClientContext context;
      grpc::Status status = ingest.ParseDocument(Deadline(context), request, &response);
      ASSERT_TRUE(status.ok()) << text.name << ": " << status.error_message();
      bool found = false;
      for (const auto& paragraph : response.document().paragraphs()) {
        found = found || paragraph.text().find(MarkerWord(1)) != std::string::npos;
      }
      if (found) kept.push_back(std::move(text));
    }
    std::cout << "soak: " << kept.size() << " of " << texts_.size()
              << " corpus texts keep their marker paragraph through the parser\n";
    texts_ = std::move(kept);
    ASSERT_FALSE(texts_.empty());
  }

  // Hits of a search for one marker word.
  std::vector<std::string> MarkerHits(v1::QueryService::Stub& query, int64_t number) {
    v1::SearchRequest request;
    request.mutable_query()->mutable_match()->set_text(MarkerWord(number));
    v1::SearchResponse response;
    grpc::ClientContext context;
    grpc::Status status = query.Search(Deadline(context), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<std::string> ids;
    for (const auto& hit : response.hits()) ids.push_back(hit.id());
    return ids;
  }

  std::string work_dir_;
  std::string query_address_;
  std::string ingest_address_;
  std::vector<CorpusText> texts_;
  unsigned seed_ = 0;
  ErrorLog errors_;
  StableIds stable_ids_;
  LatencyRecorder ingest_latency_;
  LatencyRecorder search_latency_;
  LatencyRecorder get_latency_;
};

TEST_F(SoakTest, SteadyIngestAndSearchWithoutErrorsLossOrMemoryGrowthBeyondTheData) {
  const int seconds = SoakSeconds();
  auto query_process = ServiceProcess::Start(
      DOCSEARCH_QUERY_SERVICE_BINARY, {"--listen=127.0.0.1:0", "--data_dir=" + work_dir_ + "/data"},
      work_dir_);
  ASSERT_TRUE(query_process.ok()) << query_process.status();
  query_address_ = query_process->address();
  auto ingest_process = ServiceProcess::Start(
      DOCSEARCH_INGEST_SERVICE_BINARY,
      {"--listen=127.0.0.1:0", "--query_service=" + query_address_}, work_dir_);
  ASSERT_TRUE(ingest_process.ok()) << ingest_process.status();
  ingest_address_ = ingest_process->address();

  auto query = v1::QueryService::NewStub(
      grpc::CreateChannel(query_address_, grpc::InsecureChannelCredentials()));
  auto ingest = v1::IngestService::NewStub(
      grpc::CreateChannel(ingest_address_, grpc::InsecureChannelCredentials()));
  KeepTextsThatKeepTheirMarker(*ingest);
  if (HasFatalFailure()) return;
  MemorySampler sampler(
      {query_process->pid(), ingest_process->pid()},
      [&query, this]() -> absl::StatusOr<IndexFigures> {
        v1::GetIndexStatsResponse stats;
        grpc::ClientContext context;
        grpc::Status status = query->GetIndexStats(Deadline(context), {}, &stats);
        if (!status.ok()) return absl::UnavailableError(status.error_message());
        return IndexFigures{stats.memory_bytes(), stats.document_count()};
      },
      absl::Seconds(1));

  // The load.
  const SoakClock clock(absl::Now(), absl::Seconds(seconds));
  sampler.Start();
  std::vector<ClientLedger> ledgers(kUnaryIngestClients + kStreamIngestClients);
  std::vector<int64_t> read_slips(kSearchClients + 1);
  std::vector<std::thread> threads;
  for (int c = 0; c < kUnaryIngestClients; ++c) {
    threads.emplace_back([&, c] { RunUnaryClient(c, clock, ledgers[static_cast<size_t>(c)]); });
  }
  for (int c = 0; c < kStreamIngestClients; ++c) {
    threads.emplace_back([&, c] {
      RunStreamClient(c, clock, ledgers[static_cast<size_t>(kUnaryIngestClients + c)]);
    });
  }
  for (int c = 0; c < kSearchClients; ++c) {
    threads.emplace_back([&, c] { RunSearchClient(c, clock, read_slips[static_cast<size_t>(c)]); });
  }
  threads.emplace_back([&] { RunGetClient(clock, read_slips.back()); });
  for (std::thread& thread : threads) thread.join();
  const absl::Duration ran = absl::Now() - clock.start();
  sampler.Stop();

  // Figures.
  ClientLedger total;
  for (const ClientLedger& ledger : ledgers) {
    total.new_documents += ledger.new_documents;
    total.replacements += ledger.replacements;
    total.identical_reingests += ledger.identical_reingests;
    total.deletes += ledger.deletes;
    total.slips += ledger.slips;
  }
  for (int64_t slips : read_slips) total.slips += slips;
  const double run_seconds = absl::ToDoubleSeconds(ran);
  const int64_t acknowledged = total.new_documents + total.replacements + total.identical_reingests;
  const std::vector<MemorySample> samples = sampler.Samples();
  ASSERT_GE(samples.size(), 2u) << absl::StrJoin(sampler.Errors(), "\n");
  const MemorySample& first = samples.front();
  const MemorySample& last = samples.back();
  std::cout << absl::StrFormat(
      "soak summary: %.0f s, ingest %.1f docs/s acknowledged (%d new, %d replaced, %d identical "
      "re-sends, %d deletes; ingest p50 %.1f ms p99 %.1f ms), searches %.1f/s p50 %.1f ms p99 %.1f "
      "ms, gets %.1f/s p99 %.1f ms, errors %d, pacer slips %d, query RSS %.1f -> %.1f MiB "
      "(index memory_bytes %.1f -> %.1f MiB, %d documents), ingest RSS %.1f -> %.1f MiB\n",
      run_seconds, static_cast<double>(acknowledged) / run_seconds, total.new_documents,
      total.replacements, total.identical_reingests, total.deletes,
      ingest_latency_.PercentileMilliseconds(0.5), ingest_latency_.PercentileMilliseconds(0.99),
      static_cast<double>(search_latency_.count()) / run_seconds,
      search_latency_.PercentileMilliseconds(0.5), search_latency_.PercentileMilliseconds(0.99),
      static_cast<double>(get_latency_.count()) / run_seconds,
      get_latency_.PercentileMilliseconds(0.99), errors_.count(), total.slips,
      MiB(first.rss_bytes[0]), MiB(last.rss_bytes[0]), MiB(first.index.memory_bytes),
      MiB(last.index.memory_bytes), last.index.document_count, MiB(first.rss_bytes[1]),
      MiB(last.rss_bytes[1]));

  EXPECT_EQ(errors_.count(), 0) << errors_.Summary();
  EXPECT_TRUE(sampler.Errors().empty()) << absl::StrJoin(sampler.Errors(), "\n");
  // The memory curve, about twenty points of it, so a failure (or a doubt)
  // can be read from the log: seconds, query RSS, index memory_bytes,
  // ingest RSS, all in MiB.
  std::string curve;
  const size_t stride = std::max<size_t>(1, samples.size() / 20);
  for (size_t i = 0; i < samples.size(); i += stride) {
    const MemorySample& s = samples[i];
    absl::StrAppend(&curve, absl::StrFormat(" %.0fs:%.1f/%.1f/%.1f",
                                            absl::ToDoubleSeconds(s.elapsed), MiB(s.rss_bytes[0]),
                                            MiB(s.index.memory_bytes), MiB(s.rss_bytes[1])));
  }
  std::cout << "soak memory (s: query RSS/index memory_bytes/ingest RSS MiB):" << curve << "\n";
  // A soak that did not soak proves nothing: at least a quarter of the
  // offered ingest rate must have been reached (a tenth under a sanitizer,
  // which is several times slower by design).
  const double offered_per_second = kUnaryIngestClients * kUnaryIngestPerSecond +
                                    kStreamIngestClients * kStreamsPerSecond * kDocumentsPerStream;
  EXPECT_GE(static_cast<double>(acknowledged),
            (kSanitized ? 0.1 : 0.25) * offered_per_second * run_seconds)
      << "the machine could not sustain the load";

  // Memory.
  if (kSanitized) {
    std::cout << "soak: sanitizer build, RSS not judged (LeakSanitizer checks at exit)\n";
  } else if (seconds < kMinimumSecondsForMemoryChecks) {
    std::cout << "soak: " << seconds << " s is too short to judge memory (need "
              << kMinimumSecondsForMemoryChecks << " s); errors and durability only\n";
  } else {
    auto rss = [](size_t process) {
      return [process](const MemorySample& s) { return s.rss_bytes[process]; };
    };
    auto index_bytes = [](const MemorySample& s) { return s.index.memory_bytes; };
    auto median = [&](absl::Duration end, const std::function<int64_t(const MemorySample&)>& f) {
      return WindowMedian(samples, end - kJudgeWindow, end, f);
    };
    const absl::Duration warm = clock.WarmUpEnd();
    const absl::Duration grown = clock.GrowthEnd();
    // The steady window starts once growth-phase calls in flight are done.
    const absl::Duration steady_from = grown + absl::Seconds(3) + kJudgeWindow;
    const absl::Duration end = clock.Total();

    const int64_t rss_growth = median(grown, rss(0)) - median(warm, rss(0));
    const int64_t data_growth = median(grown, index_bytes) - median(warm, index_bytes);
    const int64_t added =
        median(grown, [](const MemorySample& s) { return s.index.document_count; }) -
        median(warm, [](const MemorySample& s) { return s.index.document_count; });
    std::cout << absl::StrFormat(
        "soak growth phase: query RSS +%.1f MiB for index memory_bytes +%.1f MiB (%.2fx; "
        "%d more live documents)\n",
        MiB(rss_growth), MiB(data_growth),
        data_growth > 0 ? static_cast<double>(rss_growth) / static_cast<double>(data_growth) : 0.0,
        added);
    EXPECT_GT(data_growth, 0) << "the growth phase added no data";
    EXPECT_LE(rss_growth, static_cast<int64_t>(kGrowthFactor * static_cast<double>(data_growth)) +
                              kGrowthSlackBytes)
        << "the query service grew by more than its data";

    const int64_t steady_query = median(end, rss(0)) - median(steady_from, rss(0));
    const int64_t steady_data = median(end, index_bytes) - median(steady_from, index_bytes);
    const int64_t ingest_growth = median(end, rss(1)) - median(warm, rss(1));
    std::cout << absl::StrFormat(
        "soak steady phase: query RSS %+.1f MiB, index memory_bytes %+.3f MiB; ingest RSS "
        "%+.1f MiB since warm-up\n",
        MiB(steady_query), MiB(steady_data), MiB(ingest_growth));
    EXPECT_EQ(steady_data, 0) << "identical re-sends changed the index";
    EXPECT_LE(steady_query, kSteadySlackBytes) << "the query service grew without new data: a leak";
    EXPECT_LE(ingest_growth, kSteadySlackBytes) << "the ingest service (which holds no data) grew";
  }

  // Durability and content: every acknowledged document, as acknowledged.
  int64_t live = 0;
  int64_t searched = 0;
  int64_t expected_absent = 0;
  for (ClientLedger& ledger : ledgers) {
    for (Copy& copy : ledger.copies) {
      if (copy.streamed) {  // IngestDocuments reports no hash: ask the parser.
        v1::ParseDocumentRequest request;
        *request.mutable_document() = Raw(copy);
        v1::ParseDocumentResponse parsed;
        grpc::ClientContext context;
        ASSERT_TRUE(ingest->ParseDocument(Deadline(context), request, &parsed).ok());
        copy.hash = parsed.document().content_hash();
      }
      v1::GetDocumentRequest get;
      get.set_id(copy.id);
      v1::GetDocumentResponse got;
      grpc::ClientContext context;
      grpc::Status status = query->GetDocument(Deadline(context), get, &got);
      const bool sample = (copy.number % 10) == 0;
      if (copy.deleted) {
        EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND) << copy.id << " was deleted";
        if (sample) {
          EXPECT_TRUE(MarkerHits(*query, copy.number).empty()) << copy.id;
          ++expected_absent;
        }
        continue;
      }
      ++live;
      ASSERT_TRUE(status.ok()) << copy.id
                               << " was acknowledged but is gone: " << status.error_message();
      EXPECT_EQ(got.document().content_hash(), copy.hash) << copy.id;
      if (sample) {
        EXPECT_EQ(MarkerHits(*query, copy.number), std::vector<std::string>{copy.id})
            << copy.id << " (" << texts_[static_cast<size_t>(copy.text)].name << ")";
        ++searched;
      }
      for (int64_t old : copy.replaced_numbers) {
        if (old % 5 != 0) continue;
        EXPECT_TRUE(MarkerHits(*query, old).empty()) << copy.id << " still answers an old version";
        ++expected_absent;
      }
    }
  }
  v1::GetIndexStatsResponse stats;
  grpc::ClientContext stats_context;
  ASSERT_TRUE(query->GetIndexStats(Deadline(stats_context), {}, &stats).ok());
  EXPECT_EQ(stats.document_count(), live);
  std::cout << "soak verification: " << live << " live documents found with their hashes ("
            << searched << " also by search), " << expected_absent
            << " deleted or replaced versions confirmed absent\n";

  // Both drain and exit cleanly after the soak (under ASan this is also
  // where LeakSanitizer would report).
  for (ServiceProcess* process : {&*ingest_process, &*query_process}) {
    absl::StatusOr<int> exit = process->Stop(SIGTERM, absl::Seconds(30));
    ASSERT_TRUE(exit.ok()) << exit.status();
    EXPECT_TRUE(WIFEXITED(*exit) && WEXITSTATUS(*exit) == 0) << "exit status " << *exit;
  }
}

}  // namespace
}  // namespace docsearch::testing
