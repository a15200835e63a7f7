// The compressed document store (query_service/index/document_store.h) on the
// benchmark corpus: compression ratio, bytes per document, Append time,
// and Load latency (one thread, then two threads at once), against the
// parse alone of the same uncompressed bytes, and the cost of making a
// zstd decompression context per Load instead of pooling one.
//
// Usage: document_store_bench --docs=docs.tsv [--loads=20000] [--fingerprints]
//          [--block=N] [--level=L] [--dictionary=BYTES]
//   --fingerprints adds a 64-value MinHash and a SimHash to every document,
//   as the ingest parser does (the corpus TSV has none).
//   --block, --level and --dictionary set DocumentStoreOptions (documents
//   per compressed block, zstd level, dictionary size); the store's
//   defaults otherwise.
// Prints one JSON object.
#include <time.h>
#include <zstd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "bench/bench_util.h"
#include "docsearch/v1/document.pb.h"
#include "query_service/index/document_store.h"

namespace {

using Clock = std::chrono::steady_clock;
using docsearch::bench::Fnv1a;
using docsearch::bench::Hex64;
using docsearch::bench::ParseDate;
using docsearch::bench::Percentile;

double MicrosSince(Clock::time_point start) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

// This thread's CPU time: on a shared machine, wall-clock percentiles
// mostly measure the scheduler; CPU time measures the work.
double ThreadCpuMicros() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e6 + static_cast<double>(now.tv_nsec) / 1e3;
}

}  // namespace

int main(int argc, char** argv) {
  std::string docs_path;
  int loads = 20000;
  bool fingerprints = false;
  docsearch::query::DocumentStoreOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--docs=", 0) == 0) {
      docs_path = arg.substr(7);
    } else if (arg.rfind("--loads=", 0) == 0) {
      loads = std::stoi(arg.substr(8));
    } else if (arg == "--fingerprints") {
      fingerprints = true;
    } else if (arg.rfind("--block=", 0) == 0) {
      options.block_documents = std::stoul(arg.substr(8));
    } else if (arg.rfind("--level=", 0) == 0) {
      options.compression_level = std::stoi(arg.substr(8));
    } else if (arg.rfind("--dictionary=", 0) == 0) {
      options.dictionary_bytes = std::stoul(arg.substr(13));
    } else {
      docs_path.clear();
      break;
    }
  }
  if (docs_path.empty()) {
    std::cerr << "usage: document_store_bench --docs=PATH [--loads=N] [--fingerprints] "
                 "[--block=N] [--level=L] [--dictionary=BYTES]\n";
    return 2;
  }
  std::ifstream in(docs_path);
  if (!in) {
    std::cerr << "cannot read " << docs_path << "\n";
    return 2;
  }
  // The same documents engine_bench indexes.
  std::vector<docsearch::v1::Document> documents;
  std::mt19937_64 random(42);
  std::string line;
  int64_t text_bytes = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() != 5) continue;
    docsearch::v1::Document& doc = documents.emplace_back();
    doc.set_id(f[0]);
    doc.set_title(f[1]);
    doc.add_paragraphs()->set_text(f[4]);
    *doc.mutable_published() = ParseDate(f[2]);
    docsearch::v1::DocType type = docsearch::v1::DOC_TYPE_OTHER;
    docsearch::v1::DocType_Parse("DOC_TYPE_" + absl::AsciiStrToUpper(f[3]), &type);
    doc.set_doc_type(type);
    doc.set_language("en");
    doc.set_content_hash(Hex64(Fnv1a(f[4])));
    if (fingerprints) {
      doc.mutable_fingerprint()->set_simhash(random());
      for (int k = 0; k < 64; ++k) doc.mutable_fingerprint()->add_minhash(random());
    }
    text_bytes += static_cast<int64_t>(f[1].size() + f[4].size());
  }
  if (documents.empty()) {
    std::cerr << "no documents in " << docs_path << "\n";
    return 2;
  }

  int64_t serialized_bytes = 0;
  for (const auto& doc : documents) serialized_bytes += static_cast<int64_t>(doc.ByteSizeLong());
  docsearch::query::DocumentStore store(options);
  std::vector<double> append_us;
  append_us.reserve(documents.size());
  const auto appended = Clock::now();
  const double append_cpu_start = ThreadCpuMicros();
  for (const auto& doc : documents) {
    const auto start = Clock::now();
    store.Append(doc);
    append_us.push_back(MicrosSince(start));
  }
  const double append_seconds = MicrosSince(appended) / 1e6;
  const double append_cpu_us = ThreadCpuMicros() - append_cpu_start;
  const double training_us = *std::max_element(append_us.begin(), append_us.end());

  // Random slots, as the hits of many searches.
  std::vector<uint32_t> slots(static_cast<size_t>(loads));
  for (auto& slot : slots) slot = static_cast<uint32_t>(random() % store.size());

  std::vector<double> load_us;
  std::vector<double> load_cpu_us;
  load_us.reserve(slots.size());
  load_cpu_us.reserve(slots.size());
  for (uint32_t slot : slots) {
    const double cpu_start = ThreadCpuMicros();
    const auto start = Clock::now();
    auto loaded = store.Load(slot);
    load_us.push_back(MicrosSince(start));
    load_cpu_us.push_back(ThreadCpuMicros() - cpu_start);
    if (!loaded.ok()) {
      std::cerr << "load " << slot << ": " << loaded.status() << "\n";
      return 1;
    }
  }
  // Parse alone, of the same documents' bytes: what decompression adds.
  std::vector<std::string> raw;
  raw.reserve(slots.size());
  for (uint32_t slot : slots) raw.push_back(documents[slot].SerializeAsString());
  std::vector<double> parse_us;
  parse_us.reserve(raw.size());
  for (const std::string& bytes : raw) {
    const auto start = Clock::now();
    docsearch::v1::Document doc;
    doc.ParseFromString(bytes);
    parse_us.push_back(MicrosSince(start));
  }
  // Two readers at once, sharing the pool.
  const auto concurrent = Clock::now();
  {
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
      threads.emplace_back([&, t] {
        for (size_t k = t; k < slots.size(); k += 2) {
          if (!store.Load(slots[k]).ok()) std::abort();
        }
      });
    }
    for (auto& thread : threads) thread.join();
  }
  const double concurrent_us_per_load = MicrosSince(concurrent) / static_cast<double>(slots.size());
  // What a context per Load would add.
  const auto contexts = Clock::now();
  for (int k = 0; k < 2000; ++k) {
    ZSTD_DCtx* dctx = ZSTD_createDCtx();
    // A decompression of an empty frame so the context is really set up.
    char frame[32];
    const size_t size = ZSTD_compress(frame, sizeof(frame), "", 0, 1);
    ZSTD_decompressDCtx(dctx, nullptr, 0, frame, size);
    ZSTD_freeDCtx(dctx);
  }
  const double context_us = MicrosSince(contexts) / 2000;

  const double n = static_cast<double>(documents.size());
  std::cout << absl::StrCat(
                   "{\"documents\":", documents.size(), ",\"fingerprints\":", fingerprints,
                   ",\"block_documents\":", store.options().block_documents,
                   ",\"level\":", store.options().compression_level,
                   ",\"dictionary_bytes\":", store.options().dictionary_bytes,
                   ",\"compressed_bytes\":", store.compressed_bytes(),
                   ",\"store_memory_bytes\":", store.MemoryBytes(),
                   ",\"text_bytes_per_doc\":", text_bytes / n,
                   ",\"serialized_bytes_per_doc\":", serialized_bytes / n,
                   ",\"compressed_frame_bytes_per_doc\":", store.compressed_bytes() / n,
                   ",\"frame_ratio\":",
                   static_cast<double>(store.sealed_serialized_bytes()) / store.compressed_bytes(),
                   ",\"store_memory_bytes_per_doc\":", store.MemoryBytes() / n,
                   ",\"store_memory_over_text\":", store.MemoryBytes() / double(text_bytes),
                   ",\"append_us_per_doc\":", append_seconds * 1e6 / n,
                   ",\"append_cpu_us_per_doc\":", append_cpu_us / n,
                   ",\"dictionary_training_ms\":", training_us / 1e3,
                   ",\"load_us_p50\":", Percentile(load_us, 0.5),
                   ",\"load_us_p90\":", Percentile(load_us, 0.9),
                   ",\"load_us_p99\":", Percentile(load_us, 0.99),
                   ",\"load_cpu_us_p50\":", Percentile(load_cpu_us, 0.5),
                   ",\"load_cpu_us_p99\":", Percentile(load_cpu_us, 0.99),
                   ",\"parse_only_us_p50\":", Percentile(parse_us, 0.5),
                   ",\"load_us_per_load_2_threads\":", concurrent_us_per_load,
                   ",\"dctx_create_free_us\":", context_us, "}")
            << "\n";
  return 0;
}
