// ExportDocuments over gRPC on loopback: does an export of a large index
// stream with flat server memory, and how fast?
//
// Starts the real query_service binary on 127.0.0.1:0 (memory only), loads
// --docs generated documents (deterministic: a title, 6 paragraphs of words
// drawn from a 5,000-word vocabulary, a date, a doc type; about 2 KB of
// text each) through IndexService.Write in batches of 500, waits for the
// index to settle, then exports every document (match_all, whole documents)
// while a thread samples the server's VmRSS every 50 ms. Prints one JSON
// object: load rate, export documents/s and MB/s, the server's RSS before
// the export, its peak during it and after, and the client's peak RSS.
// The server is stopped (SIGTERM, then SIGKILL) before exit.
//
// Usage: export_bench --server=build/release/query_service/query_service
//          [--docs=100000]
#include <grpcpp/create_channel.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/query_service_process.h"
#include "docsearch/v1/index_service.grpc.pb.h"
#include "docsearch/v1/query_service.grpc.pb.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

std::string Flag(int argc, char** argv, const std::string& name, const std::string& fallback) {
  const std::string prefix = "--" + name + "=";
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]).rfind(prefix, 0) == 0)
      return std::string(argv[i]).substr(prefix.size());
  }
  return fallback;
}

docsearch::v1::Document MakeDocument(int i, const std::vector<std::string>& vocabulary,
                                     std::mt19937& random) {
  docsearch::v1::Document document;
  document.set_id(absl::StrCat("gen-", i));
  document.set_language("en");
  document.set_doc_type(i % 2 == 0 ? docsearch::v1::DOC_TYPE_PRESS_STATEMENT
                                   : docsearch::v1::DOC_TYPE_COMMUNIQUE);
  document.mutable_published()->set_year(1990 + i % 30);
  document.mutable_published()->set_month(1 + i % 12);
  document.mutable_published()->set_day(1 + i % 28);
  std::uniform_int_distribution<size_t> word(0, vocabulary.size() - 1);
  std::string title;
  for (int w = 0; w < 6; ++w) absl::StrAppend(&title, w ? " " : "", vocabulary[word(random)]);
  document.set_title(title);
  for (int p = 0; p < 6; ++p) {
    std::string text;
    for (int w = 0; w < 50; ++w) absl::StrAppend(&text, w ? " " : "", vocabulary[word(random)]);
    text += ".";
    document.add_paragraphs()->set_text(text);
  }
  document.set_content_hash(absl::StrCat("hash-", i));
  return document;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string server =
      Flag(argc, argv, "server", "build/release/query_service/query_service");
  const int docs = std::stoi(Flag(argc, argv, "docs", "100000"));

  std::mt19937 random(17);
  std::vector<std::string> vocabulary;
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  for (int i = 0; i < 5000; ++i) {
    std::string word;
    const int length = 3 + static_cast<int>(random() % 8);
    for (int c = 0; c < length; ++c) word += letters[random() % letters.size()];
    vocabulary.push_back(word);
  }

  absl::StatusOr<std::unique_ptr<docsearch::bench::QueryServiceProcess>> server_process =
      docsearch::bench::QueryServiceProcess::Start(server, "export-bench");
  if (!server_process.ok()) {
    std::cerr << server_process.status() << "\n";
    return 1;
  }
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(64 << 20);
  auto channel = grpc::CreateCustomChannel((*server_process)->address(),
                                           grpc::InsecureChannelCredentials(), arguments);
  auto query = docsearch::v1::QueryService::NewStub(channel);
  auto index = docsearch::v1::IndexService::NewStub(channel);

  // Load.
  const Clock::time_point load_start = Clock::now();
  {
    grpc::ClientContext context;
    auto stream = index->Write(&context);
    uint64_t batch_id = 0;
    for (int first = 0; first < docs; first += 500) {
      docsearch::v1::WriteRequest request;
      request.set_batch_id(++batch_id);
      for (int i = first; i < std::min(docs, first + 500); ++i) {
        *request.add_documents() = MakeDocument(i, vocabulary, random);
      }
      docsearch::v1::WriteResponse response;
      if (!stream->Write(request) || !stream->Read(&response)) {
        std::cerr << "write stream broke at document " << first << "\n";
        return 1;
      }
    }
    stream->WritesDone();
    grpc::Status status = stream->Finish();
    if (!status.ok()) {
      std::cerr << "write: " << status.error_message() << "\n";
      return 1;
    }
  }
  const double load_seconds = Seconds(Clock::now() - load_start);
  std::this_thread::sleep_for(std::chrono::seconds(2));  // Merges settle.
  const double rss_before = (*server_process)->RssMiB();

  // Export, sampling the server's RSS.
  std::atomic<bool> exporting{true};
  std::atomic<double> peak{rss_before};
  std::thread sampler([&] {
    while (exporting.load()) {
      const double rss = (*server_process)->RssMiB();
      if (rss > peak.load()) peak.store(rss);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  const Clock::time_point export_start = Clock::now();
  int64_t exported = 0;
  int64_t bytes = 0;
  int64_t chunks = 0;
  grpc::Status status;
  {
    grpc::ClientContext context;
    docsearch::v1::ExportDocumentsRequest request;
    request.mutable_query()->mutable_match_all();
    auto reader = query->ExportDocuments(&context, request);
    docsearch::v1::ExportDocumentsResponse chunk;
    while (reader->Read(&chunk)) {
      exported += chunk.documents_size();
      bytes += static_cast<int64_t>(chunk.ByteSizeLong());
      ++chunks;
    }
    status = reader->Finish();
  }
  const double export_seconds = Seconds(Clock::now() - export_start);
  exporting.store(false);
  sampler.join();
  const double rss_after = (*server_process)->RssMiB();
  server_process->reset();  // Stops the server before the client measures itself.
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  if (!status.ok() || exported != docs) {
    std::cerr << "export: " << status.error_message() << " (" << exported << " of " << docs
              << " documents)\n";
    return 1;
  }
  std::printf(
      "{\"docs\": %d, \"load_seconds\": %.1f, \"load_docs_per_second\": %.0f, "
      "\"export_seconds\": %.2f, \"export_docs_per_second\": %.0f, \"export_mib_per_second\": "
      "%.1f, \"chunks\": %lld, \"server_rss_mib_before\": %.1f, \"server_rss_mib_peak\": %.1f, "
      "\"server_rss_mib_after\": %.1f, \"client_peak_rss_mib\": %.1f}\n",
      docs, load_seconds, docs / load_seconds, export_seconds, exported / export_seconds,
      static_cast<double>(bytes) / (1 << 20) / export_seconds, static_cast<long long>(chunks),
      rss_before, peak.load(), rss_after, usage.ru_maxrss / 1024.0);
  return 0;
}
