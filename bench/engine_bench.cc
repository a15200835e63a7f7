// In-process benchmark of the docsearch engine (query_service SearchIndex)
// on the corpus and queries of bench/corpus/prepare.py.
//
// Protocol (the same in bench/peers/lucene and bench/peers/xapian):
//   1. Read the documents TSV into memory (not timed).
//   2. Index every document on one thread (or --index_threads, each writing
//      every N-th row as its own Upserts), timed from the in-memory row to
//      "indexed" (building the engine's document object included).
//   3. Run every query --warmup times (default 2) as warm-up, then --rounds
//      (default 2) timed passes. Each
//      query is timed from its raw words to the top-10 hits with their ids
//      (query analysis included). Latencies are sorted per query type for
//      p50/p99. The query thread's CPU time is summed per type as well
//      (cpu_ms): on a shared machine it moves less than wall time with the
//      other processes' load.
//   4. Fingerprint each type's answers in the first warm-up pass (hit ids,
//      score bits and totals, FNV-1a): equal fingerprints from two builds
//      mean they returned the same pages, to the bit. hits_fingerprint
//      leaves the totals out (a lower bound where pruning skipped).
//   5. Print one JSON object with the figures on stdout.
//
// It runs on the query service's allocator, set up as the service sets it
// up (tcmalloc in a default build; "allocator" in the JSON says which).
//
// Usage: engine_bench --docs=docs.tsv --queries=queries.tsv [--rounds=2] [--warmup=2]
//          [--seal_documents=4096] [--merge_factor=8]   (segment sizes: docs/ENGINE.md)
//          [--index_threads=1]
//          [--max_versions=N]   keep N versions per id, as query_service does
//                               (--max_versions, default 10); none by default
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "bench/bench_util.h"
#include "common/service_allocator.h"
#include "docsearch/v1/document.pb.h"
#include "docsearch/v1/query_service.pb.h"
#include "query_service/index/version_history.h"
#include "query_service/search/index_snapshot.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"

namespace {

using docsearch::bench::Fnv1a;
using docsearch::bench::Hex64;
using docsearch::bench::ParseDate;
using docsearch::bench::Percentile;

using Clock = std::chrono::steady_clock;

// CPU time of the calling thread, in microseconds.
double ThreadCpuMicros() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e6 + static_cast<double>(now.tv_nsec) / 1e3;
}

struct Row {
  std::string id, title, published, doc_type, body;
};

struct QuerySpec {
  std::string type, words, filter_kind, filter_value;
};

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    rows.push_back(absl::StrSplit(line, '\t'));
  }
  return rows;
}

int64_t RssBytes() {
  std::ifstream statm("/proc/self/statm");
  int64_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

docsearch::v1::SearchRequest MakeRequest(const QuerySpec& q) {
  docsearch::v1::SearchRequest request;
  request.set_page_size(10);
  docsearch::v1::Query text;
  if (q.type == "phrase") {
    auto* phrase = text.mutable_phrase();
    phrase->set_field("body");
    phrase->set_text(q.words);
  } else {
    auto* match = text.mutable_match();
    match->set_text(q.words);
    match->add_fields()->set_field("body");
    match->set_operator_(q.type == "and" ? docsearch::v1::MATCH_OPERATOR_AND
                                         : docsearch::v1::MATCH_OPERATOR_OR);
  }
  if (q.type != "filtered") {
    *request.mutable_query() = std::move(text);
    return request;
  }
  auto* boolean = request.mutable_query()->mutable_boolean();
  *boolean->add_must() = std::move(text);
  auto* filter = boolean->add_filter();
  if (q.filter_kind == "doc_type") {
    filter->mutable_term()->set_field("doc_type");
    filter->mutable_term()->set_value(q.filter_value);
  } else {
    std::vector<std::string> range = absl::StrSplit(q.filter_value, "..");
    filter->mutable_range()->set_field("published");
    filter->mutable_range()->set_gte(range.at(0));
    filter->mutable_range()->set_lte(range.at(1));
  }
  return request;
}

// Bytes of a hash map's slots and control bytes, plus the heap bytes of its
// std::string keys (those too long for the string's inline buffer).
template <typename Map>
uint64_t MapBytes(const Map& map) {
  uint64_t bytes = map.capacity() * (sizeof(typename Map::value_type) + 1);
  for (const auto& [key, unused] : map) {
    if (key.capacity() > 15) bytes += key.capacity() + 1;
  }
  return bytes;
}

// Where the index's memory goes, by part, as JSON: measured from the
// structures' capacities (the engine's own estimate, `memory_bytes`, is a
// running approximation of the same). Parts held by each of the two index
// copies are counted twice, as they are held.
std::string MemoryBreakdown(const docsearch::query::SearchIndex& index) {
  using docsearch::query::IndexData;
  using docsearch::query::OpenPostings;
  return index.Read([](docsearch::query::IndexSnapshot snapshot) {
    const IndexData& data = *snapshot;
    std::map<std::string, uint64_t> parts;
    auto add_postings = [&](const OpenPostings& postings, const std::string& prefix) {
      uint64_t dictionary = postings.terms.capacity() * sizeof(std::string) +
                            postings.lists.capacity() * sizeof(docsearch::query::PostingList);
      for (const std::string& term : postings.terms) {
        if (term.capacity() > 15) dictionary += term.capacity() + 1;
      }
      parts[prefix + "dictionary"] += dictionary;
      for (const auto& list : postings.lists) {
        parts[prefix + "doc_ids_and_freqs"] += list.DocBytes();
        parts[prefix + "positions"] += list.PositionBytes();
        parts[prefix + "skip_and_block_max"] += list.SkipBytes();
      }
    };
    for (const auto& segment : data.segments()) {
      for (const docsearch::query::SealedPostings* postings : {&segment->title, &segment->body}) {
        parts["segments.dictionary"] += postings->DictionaryBytes();
        parts["segments.doc_ids_and_freqs"] += postings->DocBytes();
        parts["segments.positions"] += postings->PositionBytes();
        parts["segments.skip_and_block_max"] += postings->SkipBytes();
      }
    }
    for (const docsearch::query::TextFieldIndex* field : {&data.title(), &data.body()}) {
      add_postings(field->open, "2_copies.open.");
      uint64_t dictionary = MapBytes(field->terms);
      for (const auto& [term, entry] : field->terms) {
        if (entry.sealed.capacity() > 2) dictionary += entry.sealed.capacity() * sizeof(void*);
      }
      parts["2_copies.term_dictionary"] += dictionary;
      parts["2_copies.lengths_and_passage_starts"] +=
          (field->lengths.capacity() + field->passage_starts.capacity() +
           field->passage_begin.capacity()) *
          sizeof(uint32_t);
    }
    for (const auto& [name, values] : data.keywords()) {
      parts["2_copies.keywords_and_columns"] += MapBytes(values);
      for (const auto& [value, docs] : values) {
        parts["2_copies.keywords_and_columns"] += docs.capacity() * sizeof(docsearch::query::DocId);
      }
    }
    for (const auto& [name, column] : data.dates()) {
      parts["2_copies.keywords_and_columns"] += column.capacity() * sizeof(int);
    }
    for (const auto& [name, column] : data.numbers()) {
      parts["2_copies.keywords_and_columns"] += column.capacity() * sizeof(double);
    }
    parts["2_copies.acronyms"] = data.acronyms().MemoryBytes();
    parts["2_copies.live_ids"] = data.live_ids().MemoryBytes();
    if (data.annex() != nullptr) parts["2_copies.annex"] = data.annex()->MemoryBytes();
    const auto& store = data.documents();
    parts["store.frames"] = store.compressed_bytes();
    parts["store.raw"] = store.raw_bytes();
    parts["store.columns_and_dictionary"] =
        store.MemoryBytes() - store.compressed_bytes() - store.raw_bytes();
    for (auto& [name, bytes] : parts) {
      if (name.rfind("2_copies.", 0) == 0) bytes *= 2;
    }
    std::string json = "{";
    uint64_t total = 0;
    for (const auto& [name, bytes] : parts) {
      absl::StrAppend(&json, json.size() > 1 ? "," : "", "\"", name, "\":", bytes);
      total += bytes;
    }
    absl::StrAppend(&json, ",\"total\":", total,
                    ",\"serialized_documents\":", store.serialized_bytes(), "}");
    return json;
  });
}

}  // namespace

constexpr const char* kUsage =
    "usage: engine_bench --docs=PATH --queries=PATH [--rounds=N] [--warmup=N] "
    "[--seal_documents=N] [--merge_factor=N] [--index_threads=N] [--max_versions=N]\n";

int main(int argc, char** argv) {
  std::string docs_path, queries_path;
  int rounds = 2;
  int warmup = 2;
  int index_threads = 1;
  int max_versions = 0;  // 0: no version history attached.
  docsearch::query::SearchOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--docs=", 0) == 0)
      docs_path = arg.substr(7);
    else if (arg.rfind("--queries=", 0) == 0)
      queries_path = arg.substr(10);
    else if (arg.rfind("--rounds=", 0) == 0)
      rounds = std::stoi(arg.substr(9));
    else if (arg.rfind("--warmup=", 0) == 0)
      warmup = std::stoi(arg.substr(9));
    else if (arg.rfind("--seal_documents=", 0) == 0)
      options.segments.seal_documents = static_cast<uint32_t>(std::stoul(arg.substr(17)));
    else if (arg.rfind("--merge_factor=", 0) == 0)
      options.segments.factor = static_cast<size_t>(std::stoul(arg.substr(15)));
    else if (arg.rfind("--index_threads=", 0) == 0)
      index_threads = std::max(1, std::stoi(arg.substr(16)));
    else if (arg.rfind("--max_versions=", 0) == 0)
      max_versions = std::max(1, std::stoi(arg.substr(15)));
    else {
      std::cerr << kUsage;
      return 2;
    }
  }
  if (docs_path.empty() || queries_path.empty()) {
    std::cerr << kUsage;
    return 2;
  }

  // The allocator as query_service runs it (service_allocator.h).
  docsearch::ConfigureServiceAllocator(docsearch::FreeMemoryRelease::kAtOnce);
  std::vector<Row> rows;
  {
    auto tsv = ReadTsv(docs_path);
    rows.reserve(tsv.size());
    for (auto& f : tsv) {
      if (f.size() != 5) continue;
      rows.push_back(
          {std::move(f[0]), std::move(f[1]), std::move(f[2]), std::move(f[3]), std::move(f[4])});
    }
  }
  std::vector<QuerySpec> queries;
  for (auto& f : ReadTsv(queries_path)) {
    f.resize(4);
    queries.push_back({f[0], f[1], f[2], f[3]});
  }
  int64_t raw_bytes = 0;
  for (const Row& r : rows) raw_bytes += r.title.size() + r.body.size();

  docsearch::query::SearchIndex index{options};
  // The annex query_service attaches by default (main.cc), so that its
  // memory counts as the service's does.
  if (max_versions > 0) index.AttachAnnex(docsearch::query::VersionHistory::Factory(max_versions));
  const int64_t rss_before = RssBytes();
  const auto t0 = Clock::now();
  // Thread t writes rows t, t + N, t + 2N, ...: as several clients of one
  // index would, each with its own Upserts.
  std::atomic<bool> failed{false};
  auto index_share = [&](int thread) {
    for (size_t i = static_cast<size_t>(thread); i < rows.size() && !failed;
         i += static_cast<size_t>(index_threads)) {
      const Row& r = rows[i];
      auto doc = std::make_unique<docsearch::v1::Document>();
      doc->set_id(r.id);
      doc->set_title(r.title);
      doc->add_paragraphs()->set_text(r.body);
      *doc->mutable_published() = ParseDate(r.published);
      docsearch::v1::DocType type = docsearch::v1::DOC_TYPE_OTHER;
      docsearch::v1::DocType_Parse("DOC_TYPE_" + absl::AsciiStrToUpper(r.doc_type), &type);
      doc->set_doc_type(type);
      doc->set_language("en");
      doc->set_content_hash(Hex64(Fnv1a(r.body)));
      auto added = index.Upsert(std::move(doc));
      if (!added.ok()) {
        std::cerr << "upsert " << r.id << ": " << added.status() << "\n";
        failed = true;
      }
    }
  };
  if (index_threads == 1) {
    index_share(0);
  } else {
    std::vector<std::thread> writers;
    for (int t = 0; t < index_threads; ++t) writers.emplace_back(index_share, t);
    for (std::thread& writer : writers) writer.join();
  }
  if (failed) return 1;
  // Segment merges run on a background thread while indexing; the time
  // includes waiting for them, as Lucene's includes its commit.
  index.WaitForMerges();
  const double index_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  const int64_t rss_after = RssBytes();
  const auto stats = index.Stats();
  std::cerr << "docsearch: indexed " << rows.size() << " docs in " << index_seconds << " s\n";

  // Two passes over the query set: hits as ids, titles and scores (what
  // the peers return: ids), then with snippets, which analyze each hit's
  // matched paragraph.
  std::map<std::string, std::vector<double>> latencies, snippet_latencies;
  std::map<std::string, double> cpu_us, snippet_cpu_us;
  // With and without the totals: pruning that skips more documents changes
  // a lower-bound total but never a page.
  std::map<std::string, uint64_t> fingerprint, hits_fingerprint;
  std::map<std::string, int> nonempty, count;
  for (int round = -warmup; round < 2 * rounds; ++round) {  // Negative rounds warm up.
    const bool snippets = round >= rounds;
    for (const QuerySpec& q : queries) {
      docsearch::v1::SearchRequest request = MakeRequest(q);
      request.set_omit_snippets(!snippets);
      const double cpu_start = ThreadCpuMicros();
      const auto start = Clock::now();
      auto response = docsearch::query::SearchByRequest(index, request);
      const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
      const double cpu = ThreadCpuMicros() - cpu_start;
      if (!response.ok()) {
        std::cerr << "search '" << q.words << "': " << response.status() << "\n";
        return 1;
      }
      if (round == -warmup) {
        count[q.type]++;
        nonempty[q.type] += response->hits_size() > 0;
        std::string hits;
        for (const docsearch::v1::SearchHit& hit : response->hits()) {
          uint64_t score_bits = 0;
          const double score = hit.score();
          std::memcpy(&score_bits, &score, sizeof score_bits);
          absl::StrAppend(&hits, hit.id(), ":", score_bits, ";");
        }
        fingerprint[q.type] =
            Fnv1a(absl::StrCat(fingerprint[q.type], response->total_size(), ";", hits));
        hits_fingerprint[q.type] = Fnv1a(absl::StrCat(hits_fingerprint[q.type], hits));
      } else if (round >= 0) {
        (snippets ? snippet_latencies : latencies)[q.type].push_back(us);
        (snippets ? snippet_cpu_us : cpu_us)[q.type] += cpu;
      }
    }
  }

  std::string json = absl::StrCat(
      "{\"engine\":\"docsearch\",\"allocator\":\"", std::string(docsearch::ServiceAllocatorName()),
      "\",\"docs\":", rows.size(), ",\"raw_bytes\":", raw_bytes,
      ",\"index_threads\":", index_threads, ",\"index_seconds\":", index_seconds,
      ",\"docs_per_s\":", rows.size() / index_seconds,
      ",\"mb_per_s\":", raw_bytes / 1e6 / index_seconds, ",\"memory_bytes\":", stats.memory_bytes(),
      ",\"segments\":", stats.segment_count(), ",\"rss_delta_bytes\":", rss_after - rss_before,
      ",\"memory_breakdown\":", MemoryBreakdown(index),
      ",\"memory_note\":\"SearchIndex::Stats().memory_bytes() (engine estimate, includes stored "
      "documents)\",\"queries\":{");
  auto append_latencies = [&](std::map<std::string, std::vector<double>>& by_type,
                              std::map<std::string, double>& cpu_by_type) {
    bool first = true;
    for (auto& [type, v] : by_type) {
      absl::StrAppend(&json, first ? "" : ",", "\"", type, "\":{\"n\":", v.size(),
                      ",\"queries\":", count[type], ",\"nonempty\":", nonempty[type],
                      ",\"p50_us\":", Percentile(v, 0.50), ",\"p99_us\":", Percentile(v, 0.99),
                      ",\"cpu_ms\":", cpu_by_type[type] / 1e3, ",\"fingerprint\":\"",
                      Hex64(fingerprint[type]), "\",\"hits_fingerprint\":\"",
                      Hex64(hits_fingerprint[type]), "\"}");
      first = false;
    }
  };
  append_latencies(latencies, cpu_us);
  absl::StrAppend(&json, "},\"queries_snippets\":{");
  append_latencies(snippet_latencies, snippet_cpu_us);
  absl::StrAppend(&json, "}}");
  std::cout << json << std::endl;
  return 0;
}
