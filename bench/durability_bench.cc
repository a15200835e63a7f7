// Benchmark of the query service's durability path (write-ahead log and
// snapshots), in process, on synthetic documents of ~3 KB.
//
//   1. Writes --docs documents in batches of --batch through the Indexer
//      (log + index, one fdatasync per batch): batches per second.
//   2. Recovers from the log alone: seconds.
//   3. Takes a snapshot while one writer keeps writing one-document batches:
//      how long writes were blocked (rotation, copy), how long the snapshot
//      took, and the writer's worst latency during it against before it.
//   4. Recovers from the snapshot: seconds.
//   5. Eight threads write one-document batches for 3 s, without and with
//      group commit: batches per second and fdatasyncs per batch.
//
// Usage: durability_bench --dir=/tmp/durability [--docs=20000] [--batch=100]
// Prints one JSON object on stdout. The directory is emptied first.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "query_service/search/search_index.h"
#include "query_service/storage/indexer.h"
#include "query_service/storage/log_files.h"
#include "query_service/storage/log_recovery.h"
#include "query_service/storage/snapshotter.h"

namespace {

using docsearch::query::Indexer;
using docsearch::query::RecoveryReport;
using docsearch::query::SearchIndex;
using docsearch::query::SearchOptions;
using docsearch::query::Snapshotter;
using docsearch::query::SnapshotterOptions;
using docsearch::query::WriteAheadLog;
using docsearch::v1::Document;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

Document MakeDocument(int n, std::mt19937& random) {
  static const std::vector<std::string> kWords = [] {
    std::vector<std::string> words;
    for (int i = 0; i < 5000; ++i) words.push_back(absl::StrCat("w", i * 7919 % 100003));
    return words;
  }();
  std::uniform_int_distribution<size_t> pick(0, kWords.size() - 1);
  Document document;
  document.set_id(absl::StrCat("doc-", n));
  document.set_title(absl::StrCat("Document ", n, " ", kWords[pick(random)]));
  for (int p = 0; p < 5; ++p) {
    std::string text;
    for (int w = 0; w < 80; ++w) absl::StrAppend(&text, kWords[pick(random)], " ");
    document.add_paragraphs()->set_text(text);
  }
  document.set_content_hash(absl::StrCat("hash-", n, "-", random()));
  return document;
}

struct Node {
  explicit Node(const std::string& dir, bool group_commit = true)
      : index(SearchOptions{}), indexer(&index, nullptr, group_commit) {
    auto opened = docsearch::query::RecoverDataDir(dir, &indexer, &report);
    if (!opened.ok()) {
      std::cerr << opened.status() << "\n";
      std::exit(1);
    }
    log = *std::move(opened);
    indexer.AttachLog(log.get());
  }
  SearchIndex index;
  Indexer indexer;
  RecoveryReport report;
  std::unique_ptr<WriteAheadLog> log;
};

// One-document batches from `writers` threads for `seconds`: batches per
// second and fdatasyncs per batch.
std::pair<double, double> Concurrent(const std::string& dir, bool group_commit, int writers,
                                     double seconds) {
  std::filesystem::remove_all(dir);
  Node node(dir, group_commit);
  std::atomic<bool> stop{false};
  std::atomic<int64_t> batches{0};
  std::vector<std::thread> threads;
  const auto started = Clock::now();
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      std::mt19937 random(w);
      for (int n = 0; !stop.load(); ++n) {
        docsearch::v1::WriteRequest request;
        *request.add_documents() = MakeDocument(w * 10000000 + n, random);
        if (!node.indexer.Write(request).ok()) std::exit(1);
        batches.fetch_add(1);
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (std::thread& thread : threads) thread.join();
  const double elapsed = Seconds(Clock::now() - started);
  return {batches.load() / elapsed, node.log->syncs() / static_cast<double>(batches.load())};
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  int docs = 20000, batch = 100;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--dir=", 0) == 0) dir = arg.substr(6);
    if (arg.rfind("--docs=", 0) == 0 && !absl::SimpleAtoi(arg.substr(7), &docs)) return 2;
    if (arg.rfind("--batch=", 0) == 0 && !absl::SimpleAtoi(arg.substr(8), &batch)) return 2;
  }
  if (dir.empty()) {
    std::cerr << "usage: durability_bench --dir=/tmp/durability [--docs=N] [--batch=N]\n";
    return 2;
  }
  std::filesystem::remove_all(dir);
  std::mt19937 random(42);
  double write_seconds = 0;
  {
    Node node(dir);
    const auto started = Clock::now();
    for (int n = 0; n < docs;) {
      docsearch::v1::WriteRequest request;
      for (int k = 0; k < batch && n < docs; ++k, ++n)
        *request.add_documents() = MakeDocument(n, random);
      if (!node.indexer.Write(request).ok()) return 1;
    }
    write_seconds = Seconds(Clock::now() - started);
  }
  const auto log_bytes = std::filesystem::file_size(docsearch::query::LogPath(dir, 1));

  double log_recovery_seconds = 0, snapshot_recovery_seconds = 0;
  double baseline_max_ms = 0, during_max_ms = 0;
  int during_writes = 0;
  docsearch::query::SnapshotReport snapshot;
  {
    Node node(dir);
    log_recovery_seconds = node.report.seconds;
    Snapshotter snapshotter(dir, &node.indexer, &node.index, node.log.get(), SnapshotterOptions{},
                            0);
    std::atomic<int> phase{0};  // 0 baseline, 1 during the snapshot, 2 stop.
    std::thread writer([&] {
      std::mt19937 writer_random(7);
      for (int n = docs; phase.load() < 2; ++n) {
        docsearch::v1::WriteRequest request;
        *request.add_documents() = MakeDocument(n, writer_random);
        const auto started = Clock::now();
        if (!node.indexer.Write(request).ok()) std::exit(1);
        const double ms = 1000 * Seconds(Clock::now() - started);
        if (phase.load() == 0) baseline_max_ms = std::max(baseline_max_ms, ms);
        if (phase.load() == 1) during_max_ms = std::max(during_max_ms, ms), ++during_writes;
      }
    });
    std::this_thread::sleep_for(std::chrono::seconds(2));
    phase = 1;
    auto taken = snapshotter.TakeSnapshot();
    phase = 2;
    writer.join();
    if (!taken.ok()) {
      std::cerr << taken.status() << "\n";
      return 1;
    }
    snapshot = *taken;
  }
  {
    Node node(dir);
    snapshot_recovery_seconds = node.report.seconds;
  }
  const auto [alone, alone_syncs] = Concurrent(dir, false, 8, 3);
  const auto [grouped, grouped_syncs] = Concurrent(dir, true, 8, 3);
  std::cout << absl::StrFormat(
      "{\"eight_writers_batches_per_second_without_group_commit\": %.1f, "
      "\"syncs_per_batch_without\": %.2f, "
      "\"eight_writers_batches_per_second_with_group_commit\": %.1f, "
      "\"syncs_per_batch_with\": %.2f,\n",
      alone, alone_syncs, grouped, grouped_syncs);
  std::cout << absl::StrFormat(
      "\"docs\": %d, \"batch\": %d, \"write_batches_per_second\": %.1f, \"log_bytes\": %d, "
      "\"log_recovery_seconds\": %.3f, \"snapshot_documents\": %d, \"snapshot_bytes\": %d, "
      "\"snapshot_rotate_ms\": %.2f, \"snapshot_longest_chunk_ms\": %.2f, "
      "\"snapshot_copy_ms\": %.2f, \"snapshot_write_ms\": %.2f, "
      "\"writer_max_latency_ms_before\": %.2f, \"writer_max_latency_ms_during\": %.2f, "
      "\"writes_during_snapshot\": %d, \"snapshot_recovery_seconds\": %.3f}\n",
      docs, batch, (docs / static_cast<double>(batch)) / write_seconds, log_bytes,
      log_recovery_seconds, snapshot.documents, snapshot.bytes, 1000 * snapshot.rotate_seconds,
      1000 * snapshot.longest_chunk_seconds, 1000 * snapshot.copy_seconds,
      1000 * snapshot.write_seconds, baseline_max_ms, during_max_ms, during_writes,
      snapshot_recovery_seconds);
  return 0;
}
