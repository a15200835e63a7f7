// The query service over gRPC on loopback: Search against an empty unary RPC
// (grpc.health.v1.Health/Check) in the same run, and search throughput while
// ingest runs.
//
// Starts the real query_service binary on 127.0.0.1:0 (memory only, no
// data_dir), loads the first --load_docs documents through
// IndexService.Write (batches of 200), then:
//   1. latency: --warmup passes, then one timed pass, one call at a time, of
//      Health/Check (as many calls as there are queries, twice) and of
//      Search over the whole query set (top-10, body field, as
//      engine_bench); p50/p99 of each. Each Search is followed by the same
//      request answered in this process by SearchByRequest, the function the
//      server's Search handler calls, on an index of the same documents with
//      the server's default options: gRPC minus in-process is what the RPC
//      layer itself costs (transport, serialization, threads), measured on
//      the same queries at the same moments;
//   2. throughput: --threads closed-loop clients for --seconds each, first
//      Health/Check, then Search (query set cycled), then Search again while
//      one more thread writes new documents (fresh ids) through
//      IndexService.Write, batch after batch.
// Prints one JSON object. Everything is bounded in time and count, and the
// server is stopped (SIGTERM, then SIGKILL) before exit.
//
// Usage: grpc_bench --server=build/release/query_service/query_service
//          --docs=docs.tsv --queries=queries.tsv [--load_docs=20000]
//          [--threads=2] [--seconds=10] [--warmup=1] [--profile_seconds=0]
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
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
#include "bench/query_service_process.h"
#include "bench/scheduler_account.h"
#include "common/service_allocator.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "query_service/search/search_index.h"
#include "query_service/server/search_request_mapping.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::vector<std::string>> ReadTsv(const std::string& path, size_t limit) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (rows.size() < limit && std::getline(in, line)) rows.push_back(absl::StrSplit(line, '\t'));
  return rows;
}

docsearch::v1::Document MakeDocument(const std::vector<std::string>& r, const std::string& id) {
  docsearch::v1::Document doc;
  doc.set_id(id);
  doc.set_title(r[1]);
  doc.add_paragraphs()->set_text(r[4]);
  std::vector<std::string> parts = absl::StrSplit(r[2], '-');
  int y = 0, m = 0, d = 0;
  if (parts.size() == 3 && absl::SimpleAtoi(parts[0], &y) && absl::SimpleAtoi(parts[1], &m) &&
      absl::SimpleAtoi(parts[2], &d)) {
    doc.mutable_published()->set_year(y);
    doc.mutable_published()->set_month(m);
    doc.mutable_published()->set_day(d);
  }
  docsearch::v1::DocType type = docsearch::v1::DOC_TYPE_OTHER;
  docsearch::v1::DocType_Parse("DOC_TYPE_" + absl::AsciiStrToUpper(r[3]), &type);
  doc.set_doc_type(type);
  doc.set_language("en");
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : id + r[4]) h = (h ^ c) * 1099511628211ull;
  doc.set_content_hash(absl::StrCat(absl::Hex(h, absl::kZeroPad16)));
  return doc;
}

docsearch::v1::SearchRequest MakeRequest(const std::vector<std::string>& q) {
  docsearch::v1::SearchRequest request;
  request.set_page_size(10);
  // As engine_bench's main table: hits without snippets, so that the gap to
  // the empty RPC is serving cost, not highlighting.
  request.set_omit_snippets(true);
  docsearch::v1::Query text;
  if (q[0] == "phrase") {
    text.mutable_phrase()->set_field("body");
    text.mutable_phrase()->set_text(q[1]);
  } else {
    auto* match = text.mutable_match();
    match->set_text(q[1]);
    match->add_fields()->set_field("body");
    match->set_operator_(q[0] == "and" ? docsearch::v1::MATCH_OPERATOR_AND
                                       : docsearch::v1::MATCH_OPERATOR_OR);
  }
  if (q[0] != "filtered") {
    *request.mutable_query() = std::move(text);
    return request;
  }
  auto* boolean = request.mutable_query()->mutable_boolean();
  *boolean->add_must() = std::move(text);
  auto* filter = boolean->add_filter();
  if (q[2] == "doc_type") {
    filter->mutable_term()->set_field("doc_type");
    filter->mutable_term()->set_value(q[3]);
  } else {
    std::vector<std::string> range = absl::StrSplit(q[3], "..");
    filter->mutable_range()->set_field("published");
    filter->mutable_range()->set_gte(range.at(0));
    filter->mutable_range()->set_lte(range.at(1));
  }
  return request;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// `by_name` (bench/scheduler_account.h) divided by `calls`, as a JSON
// object: {"all": {"cpu_us": .., "waiting_us": .., "runs": ..}, "<thread
// name>": {..}, ...}.
std::string ScheduleJson(const std::map<std::string, docsearch::bench::ThreadSchedule>& by_name,
                         double calls) {
  const double n = std::max(1e-9, calls);
  std::string json = "{";
  for (const auto& [name, t] : by_name) {
    if (t.runs == 0 && t.cpu_us < 0.5) continue;  // Threads idle all along.
    absl::StrAppend(&json, json.size() > 1 ? "," : "", "\"", name,
                    "\":{\"cpu_us\":", absl::SixDigits(t.cpu_us / n),
                    ",\"waiting_us\":", absl::SixDigits(t.waiting_us / n),
                    ",\"runs\":", absl::SixDigits(static_cast<double>(t.runs) / n), "}");
  }
  return json + "}";
}

// The scheduler's account of one latency series: the server's threads and
// the client's (without its in-process searches, whose CPU time is
// `in_process_cpu_us`), over `calls` calls.
struct SeriesAccount {
  std::map<std::string, docsearch::bench::ThreadSchedule> server, client;
  double in_process_cpu_us = 0;
  size_t calls = 0;
};

// {"<series>": {"server": ScheduleJson, "client": ScheduleJson,
// "in_process_cpu_us": per call}, ...}.
std::string AccountsJson(const std::map<std::string, SeriesAccount>& accounts) {
  std::string json = "{";
  for (const auto& [name, account] : accounts) {
    const double calls = static_cast<double>(std::max<size_t>(1, account.calls));
    absl::StrAppend(&json, json.size() > 1 ? "," : "", "\"", name,
                    "\":{\"server\":", ScheduleJson(account.server, calls),
                    ",\"client\":", ScheduleJson(account.client, calls), ",\"in_process_cpu_us\":",
                    absl::SixDigits(account.in_process_cpu_us /
                                    static_cast<double>(std::max<size_t>(1, account.calls))),
                    "}");
  }
  return json + "}";
}

// Sends `docs` through one Write stream in batches of 200, until done or
// `stop`, each document's id followed by `id_suffix`; adds the documents
// acknowledged to `*written`. False on error. Each batch is built when it
// is sent, as a client sends what it has: nothing is copied that is not
// sent.
bool WriteAll(docsearch::v1::IndexService::Stub& stub,
              const std::vector<docsearch::v1::Document>& docs, const std::atomic<bool>* stop,
              std::atomic<int64_t>* written = nullptr, const std::string& id_suffix = "") {
  grpc::ClientContext context;
  auto stream = stub.Write(&context);
  docsearch::v1::WriteRequest request;
  docsearch::v1::WriteResponse response;
  uint64_t batch = 0;
  for (size_t i = 0; i < docs.size(); i += 200) {
    if (stop != nullptr && stop->load()) break;
    request.Clear();
    request.set_batch_id(++batch);
    for (size_t j = i; j < std::min(docs.size(), i + 200); ++j) {
      docsearch::v1::Document* document = request.add_documents();
      *document = docs[j];
      if (!id_suffix.empty()) document->set_id(absl::StrCat(document->id(), id_suffix));
    }
    if (!stream->Write(request) || !stream->Read(&response)) break;
    if (written != nullptr) *written += response.results_size();
  }
  stream->WritesDone();
  grpc::Status status = stream->Finish();
  if (!status.ok()) std::cerr << "Write: " << status.error_message() << "\n";
  return status.ok();
}

}  // namespace

int main(int argc, char** argv) {
  std::string server, docs_path, queries_path;
  size_t load_docs = 20000;
  int threads = 2, seconds = 10, warmup = 1, profile_seconds = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* name) -> const char* {
      return a.rfind(name, 0) == 0 ? a.c_str() + std::string(name).size() : nullptr;
    };
    if (auto v = value("--server=")) {
      server = v;
    } else if (auto v = value("--docs=")) {
      docs_path = v;
    } else if (auto v = value("--queries=")) {
      queries_path = v;
    } else if (auto v = value("--load_docs=")) {
      load_docs = std::stoul(v);
    } else if (auto v = value("--threads=")) {
      threads = std::stoi(v);
    } else if (auto v = value("--seconds=")) {
      seconds = std::stoi(v);
    } else if (auto v = value("--warmup=")) {
      warmup = std::stoi(v);
    } else if (auto v = value("--profile_seconds=")) {
      profile_seconds = std::stoi(v);
    }
  }
  if (server.empty() || docs_path.empty() || queries_path.empty()) {
    std::cerr << "usage: grpc_bench --server=PATH --docs=PATH --queries=PATH [--load_docs=N]"
                 " [--threads=N] [--seconds=N] [--warmup=N]\n";
    return 2;
  }
  // The allocator as query_service runs it (tcmalloc in a release build):
  // the in-process twin below then allocates as the server's handler does,
  // and the client's own calls do not pay for the twin's churn in glibc's
  // heap (its slow paths were a sixth of the client's CPU for a Search in a
  // profile).
  docsearch::ConfigureServiceAllocator(docsearch::FreeMemoryRelease::kAtOnce);
  // The documents loaded first, and as many again (fresh ids) for the
  // concurrent-ingest phase.
  auto rows = ReadTsv(docs_path, 2 * load_docs);
  std::vector<docsearch::v1::Document> initial, extra;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() != 5) continue;
    if (initial.size() < load_docs) {
      initial.push_back(MakeDocument(rows[i], rows[i][0]));
    } else {
      extra.push_back(MakeDocument(rows[i], "ingest-" + rows[i][0]));
    }
  }
  if (extra.empty()) {  // Corpus no larger than load_docs: re-send with fresh ids.
    for (const auto& d : initial) {
      extra.push_back(d);
      extra.back().set_id("ingest-" + d.id());
    }
  }
  rows.clear();
  std::vector<docsearch::v1::SearchRequest> searches;
  for (auto& q : ReadTsv(queries_path, SIZE_MAX)) {
    q.resize(4);
    searches.push_back(MakeRequest(q));
  }

  // Start the server.
  absl::StatusOr<std::unique_ptr<docsearch::bench::QueryServiceProcess>> server_process =
      docsearch::bench::QueryServiceProcess::Start(server, "grpc-bench");
  if (!server_process.ok()) {
    std::cerr << server_process.status() << "\n";
    return 1;
  }
  auto channel =
      grpc::CreateChannel((*server_process)->address(), grpc::InsecureChannelCredentials());
  auto health = grpc::health::v1::Health::NewStub(channel);
  auto query = docsearch::v1::QueryService::NewStub(channel);
  auto index = docsearch::v1::IndexService::NewStub(channel);
  grpc::health::v1::HealthCheckRequest check;
  for (int i = 0; i < 300; ++i) {
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckResponse response;
    if (health->Check(&context, check, &response).ok() &&
        response.status() == grpc::health::v1::HealthCheckResponse::SERVING)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }

  // Load.
  auto t0 = Clock::now();
  if (!WriteAll(*index, initial, nullptr)) {
    return 1;
  }
  const double load_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  std::cerr << "grpc: loaded " << initial.size() << " docs in " << load_seconds << " s\n";

  // The in-process twin of the server's index (see the header comment).
  docsearch::query::SearchIndex local_index{docsearch::query::SearchOptions{}};
  for (const docsearch::v1::Document& document : initial) {
    absl::Status added =
        local_index.Upsert(std::make_unique<docsearch::v1::Document>(document)).status();
    if (!added.ok()) {
      std::cerr << "in-process index: " << added << "\n";
      return 1;
    }
  }
  local_index.WaitForMerges();

  // Like with like: the server merges its segments in the background after
  // the last Write returns, and a search over more segments (or during a
  // merge, on the same two cores) is slower for reasons that are not the
  // RPC's. Wait (at most 120 s) until the server holds as many segments as
  // the twin, whose merges are done.
  const int64_t local_segments = local_index.Stats().segment_count();
  int64_t server_segments = -1;
  for (int i = 0; i < 1200; ++i) {
    grpc::ClientContext context;
    docsearch::v1::GetIndexStatsResponse stats;
    if (query->GetIndexStats(&context, docsearch::v1::GetIndexStatsRequest(), &stats).ok()) {
      server_segments = stats.segment_count();
      if (server_segments <= local_segments) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::cerr << "grpc: segments, server " << server_segments << ", in process " << local_segments
            << "\n";

  // 1. Latency, one call at a time.
  auto check_once = [&](grpc::health::v1::Health::Stub& stub) {
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckResponse response;
    return stub.Check(&context, check, &response).ok();
  };
  // `took_us`, when given, receives the server's own account of the search
  // (SearchResponse.took): what the handler spent, without the transport.
  auto search_once = [&](docsearch::v1::QueryService::Stub& stub, size_t i,
                         double* took_us = nullptr) {
    grpc::ClientContext context;
    docsearch::v1::SearchResponse response;
    if (!stub.Search(&context, searches[i % searches.size()], &response).ok()) return false;
    if (took_us != nullptr) {
      *took_us = static_cast<double>(response.took().seconds()) * 1e6 +
                 static_cast<double>(response.took().nanos()) / 1e3;
    }
    return true;
  };
  // Four series, in each pass, one call at a time:
  //   empty:              Health/Check back to back (2 calls a query);
  //   empty_after_local:  Health/Check right after an in-process search of
  //                       the twin, as each Search below comes right after
  //                       one: the empty RPC in the same state of caches and
  //                       threads as the Search it is compared with;
  //   search + local:     Search over gRPC, then the same request in process
  //                       (the pair the RPC cost is taken from);
  //   search_hot + local_hot: the searches back to back over gRPC, then in
  //                       process back to back (both with warm caches, to
  //                       compare with the back-to-back empty RPC).
  std::vector<double> empty_us, empty_after_local_us, search_us, server_took_us, local_us,
      search_hot_us, local_hot_us;
  const size_t empty_calls = 2 * searches.size();
  // The scheduler's account of the timed pass (bench/scheduler_account.h),
  // per series: the server's threads and this process's. The in-process
  // searches run on this thread; their CPU time is taken out of the
  // client's.
  using docsearch::bench::ReadProcessSchedule;
  using docsearch::bench::ScheduleDifference;
  const pid_t server_pid = (*server_process)->pid();
  std::map<std::string, SeriesAccount> accounts;
  const auto thread_cpu_us = [] {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
  };
  double local_cpu_us = 0;  // Of the in-process searches of the series being run.
  const auto local_search = [&](size_t i) {
    const double cpu_before = thread_cpu_us();
    const bool ok = docsearch::query::SearchByRequest(local_index, searches[i]).ok();
    local_cpu_us += thread_cpu_us() - cpu_before;
    if (!ok) std::cerr << "in-process Search failed\n";
    return ok;
  };
  const auto elapsed_us = [](Clock::time_point since) {
    return std::chrono::duration<double, std::micro>(Clock::now() - since).count();
  };
  // Runs `series(record)` and, when `record`, keeps the scheduler's account
  // of it under `name`.
  const auto run_series = [&](const std::string& name, bool record, size_t calls,
                              const std::function<bool(bool)>& series) {
    const auto server_before = ReadProcessSchedule(server_pid);
    const auto client_before = ReadProcessSchedule(getpid());
    local_cpu_us = 0;
    if (!series(record)) return false;
    if (record) {
      SeriesAccount& account = accounts[name];
      account.server = ScheduleDifference(server_before, ReadProcessSchedule(server_pid));
      account.client = ScheduleDifference(client_before, ReadProcessSchedule(getpid()));
      account.client["all"].cpu_us -= local_cpu_us;
      account.in_process_cpu_us = local_cpu_us;
      account.calls = calls;
    }
    return true;
  };
  for (int pass = -warmup; pass < 1; ++pass) {
    const bool record = pass == 0;
    const bool ok = run_series("empty", record, empty_calls,
                               [&](bool keep) {
                                 for (size_t i = 0; i < empty_calls; ++i) {
                                   const auto s = Clock::now();
                                   if (!check_once(*health)) return false;
                                   if (keep) empty_us.push_back(elapsed_us(s));
                                 }
                                 return true;
                               }) &&
                    run_series("empty_after_local", record, searches.size(),
                               [&](bool keep) {
                                 for (size_t i = 0; i < searches.size(); ++i) {
                                   if (!local_search(i)) return false;
                                   const auto s = Clock::now();
                                   if (!check_once(*health)) return false;
                                   if (keep) empty_after_local_us.push_back(elapsed_us(s));
                                 }
                                 return true;
                               }) &&
                    run_series("search", record, searches.size(),
                               [&](bool keep) {
                                 for (size_t i = 0; i < searches.size(); ++i) {
                                   auto s = Clock::now();
                                   double took_us = 0;
                                   if (!search_once(*query, i, &took_us)) return false;
                                   if (keep) {
                                     search_us.push_back(elapsed_us(s));
                                     server_took_us.push_back(took_us);
                                   }
                                   s = Clock::now();
                                   if (!local_search(i)) return false;
                                   if (keep) local_us.push_back(elapsed_us(s));
                                 }
                                 return true;
                               }) &&
                    run_series("search_hot", record, searches.size(), [&](bool keep) {
                      for (size_t i = 0; i < searches.size(); ++i) {
                        const auto s = Clock::now();
                        if (!search_once(*query, i)) return false;
                        if (keep) search_hot_us.push_back(elapsed_us(s));
                      }
                      for (size_t i = 0; i < searches.size(); ++i) {
                        const auto s = Clock::now();
                        if (!local_search(i)) return false;
                        if (keep) local_hot_us.push_back(elapsed_us(s));
                      }
                      return true;
                    });
    if (!ok) {
      std::cerr << "a latency call failed\n";
      return 1;
    }
  }

  // For an outside profiler (perf sched record, perf record): the latency
  // pass's calls, one at a time, repeated for --profile_seconds between two
  // lines on stderr. Not part of the figures.
  if (profile_seconds > 0) {
    std::cerr << "profile: start pid " << getpid() << std::endl;
    const auto end = Clock::now() + std::chrono::seconds(profile_seconds);
    for (size_t i = 0; Clock::now() < end; ++i) {
      if (!search_once(*query, i)) break;
      static_cast<void>(
          docsearch::query::SearchByRequest(local_index, searches[i % searches.size()]));
    }
    std::cerr << "profile: end" << std::endl;
  }

  // 2. Throughput, closed loop, one channel per client thread. Each phase
  // also keeps the scheduler's account of both processes' threads, per
  // second of the phase: which threads took the cores, and how long each
  // waited for one.
  struct PhaseAccount {
    std::map<std::string, docsearch::bench::ThreadSchedule> server, client;
    double seconds = 0;
  };
  std::map<std::string, PhaseAccount> phases;
  const auto index_stats = [&] {
    grpc::ClientContext context;
    docsearch::v1::GetIndexStatsResponse stats;
    static_cast<void>(
        query->GetIndexStats(&context, docsearch::v1::GetIndexStatsRequest(), &stats));
    return stats;
  };
  auto closed_loop = [&](const std::string& phase, bool search, bool with_ingest,
                         double* ingest_docs_per_s) {
    const auto server_before = ReadProcessSchedule(server_pid);
    const auto client_before = ReadProcessSchedule(getpid());
    std::atomic<bool> stop{false};
    std::atomic<int64_t> calls{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < threads; ++t) {
      clients.emplace_back([&, t] {
        pthread_setname_np(pthread_self(), search ? "bench-search" : "bench-empty");
        grpc::ChannelArguments args;
        args.SetInt("docsearch.bench.client", t);  // A distinct channel per thread.
        auto ch = grpc::CreateCustomChannel((*server_process)->address(),
                                            grpc::InsecureChannelCredentials(), args);
        auto h = grpc::health::v1::Health::NewStub(ch);
        auto q = docsearch::v1::QueryService::NewStub(ch);
        size_t i = static_cast<size_t>(t) * 97;
        while (!stop.load()) {
          if (search ? search_once(*q, i++) : check_once(*h)) calls++;
        }
      });
    }
    std::thread ingest;
    std::atomic<int64_t> ingested{0};
    if (with_ingest) {
      ingest = std::thread([&] {
        pthread_setname_np(pthread_self(), "bench-ingest");
        // Fresh ids each round through `extra`, each batch built as it is
        // sent. Copying all of `extra` first, as this did, cost this thread
        // 0.14 s of CPU at the searches' priority and held the first batch
        // back 1.8 s of a 5 s phase (20,000 documents, load ~10, under a
        // scheduler trace): the phase measured searches next to a copy,
        // not next to writes.
        for (size_t round = 0; !stop.load(); ++round) {
          if (!WriteAll(*index, extra, &stop, &ingested,
                        round == 0 ? "" : absl::StrCat("-", round)))
            break;
        }
      });
    }
    auto start = Clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    // Before `stop`: a client thread that has stopped may have exited, and
    // its counters with it.
    PhaseAccount& account = phases[phase];
    account.server = ScheduleDifference(server_before, ReadProcessSchedule(server_pid));
    account.client = ScheduleDifference(client_before, ReadProcessSchedule(getpid()));
    account.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    stop = true;
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    for (auto& c : clients) c.join();
    if (ingest.joinable()) ingest.join();
    if (ingest_docs_per_s != nullptr) *ingest_docs_per_s = ingested.load() / elapsed;
    return calls.load() / elapsed;
  };
  const double empty_qps = closed_loop("empty", false, false, nullptr);
  const double search_qps = closed_loop("search", true, false, nullptr);
  double ingest_rate = 0;
  const docsearch::v1::GetIndexStatsResponse before_ingest = index_stats();
  const double search_qps_ingest = closed_loop("search_ingest", true, true, &ingest_rate);
  const docsearch::v1::GetIndexStatsResponse after_ingest = index_stats();
  std::string phases_json = "{";
  for (const auto& [name, account] : phases) {
    absl::StrAppend(&phases_json, phases_json.size() > 1 ? "," : "", "\"", name,
                    "\":{\"seconds\":", absl::SixDigits(account.seconds),
                    ",\"server\":", ScheduleJson(account.server, account.seconds),
                    ",\"client\":", ScheduleJson(account.client, account.seconds), "}");
  }
  phases_json += "}";

  std::cout << "{\"engine\":\"docsearch-grpc\",\"docs\":" << initial.size()
            << ",\"load_seconds\":" << load_seconds
            << ",\"load_docs_per_s\":" << initial.size() / load_seconds
            << ",\"empty_p50_us\":" << Percentile(empty_us, 0.5)
            << ",\"empty_p99_us\":" << Percentile(empty_us, 0.99)
            << ",\"search_p50_us\":" << Percentile(search_us, 0.5)
            << ",\"search_p99_us\":" << Percentile(search_us, 0.99)
            << ",\"server_took_p50_us\":" << Percentile(server_took_us, 0.5)
            << ",\"inprocess_search_p50_us\":" << Percentile(local_us, 0.5)
            << ",\"inprocess_search_p99_us\":" << Percentile(local_us, 0.99)
            << ",\"empty_calls\":" << empty_us.size() << ",\"search_calls\":" << search_us.size()
            << ",\"threads\":" << threads << ",\"seconds\":" << seconds
            << ",\"empty_qps\":" << empty_qps << ",\"search_qps\":" << search_qps
            << ",\"search_qps_during_ingest\":" << search_qps_ingest
            << ",\"ingest_docs_per_s_during_search\":" << ingest_rate
            << ",\"server_segments\":" << server_segments
            << ",\"inprocess_segments\":" << local_segments
            << ",\"empty_after_local_p50_us\":" << Percentile(empty_after_local_us, 0.5)
            << ",\"empty_after_local_p99_us\":" << Percentile(empty_after_local_us, 0.99)
            << ",\"search_hot_p50_us\":" << Percentile(search_hot_us, 0.5)
            << ",\"inprocess_hot_p50_us\":" << Percentile(local_hot_us, 0.5)
            << ",\"segments_before_ingest\":" << before_ingest.segment_count()
            << ",\"segments_after_ingest\":" << after_ingest.segment_count()
            << ",\"documents_after_ingest\":" << after_ingest.document_count()
            << ",\"schedule_per_call\":" << AccountsJson(accounts)
            << ",\"schedule_per_second\":" << phases_json << ",\"server_log\":\""
            << (*server_process)->log_file() << "\"}" << std::endl;
  return 0;
}
