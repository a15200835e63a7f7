#include "cli/ingest_command.h"

#include <grpcpp/client_context.h>

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "cli/file_walker.h"
#include "cli/progress_reporter.h"
#include "cli/terminal_text.h"
#include "docsearch/v1/ingest_service.grpc.pb.h"

namespace docsearch::cli {
namespace {

using docsearch::v1::IngestDocumentsRequest;
using docsearch::v1::IngestDocumentsResponse;

// Sends every document of the walk over `stream`. Stops early when the
// stream breaks; the caller learns why from Finish().
class DocumentSender {
 public:
  DocumentSender(const IngestOptions& options, ProgressReporter& reporter,
                 grpc::ClientWriter<IngestDocumentsRequest>& stream, IngestSummary& summary)
      : options_(options), reporter_(reporter), stream_(stream), summary_(summary) {}

  // Returns false when the stream broke.
  bool SendAll(const WalkResult& walk) {
    for (const WalkError& error : walk.errors) {
      AddLocalFailure(error.path, error.status);
    }
    for (const FoundFile& file : walk.files) {
      file_counted_ = false;
      absl::Status read = ReadRawDocuments(
          file, [&](LocalDocument document) { return Send(file, std::move(document)); });
      if (!read.ok()) AddLocalFailure(file.path.string(), read);
      reporter_.Update(progress_, absl::Now());
      if (stream_broken_) return false;
    }
    return true;
  }

  // Local labels of the documents sent, by stream index.
  const std::vector<std::string>& sent_labels() const { return sent_labels_; }

 private:
  bool Send(const FoundFile& file, LocalDocument document) {
    std::string label = LocalLabel(file, document);
    const int64_t size = static_cast<int64_t>(document.raw.content().size());
    if (size > options_.max_document_bytes) {
      AddLocalFailure(label, absl::ResourceExhaustedError(absl::StrCat(
                                 "document has ", size, " bytes, more than --max_document_bytes=",
                                 options_.max_document_bytes, "; not sent")));
      return true;
    }
    IngestDocumentsRequest request;
    *request.mutable_document() = std::move(document.raw);
    if (!stream_.Write(request)) {
      stream_broken_ = true;
      return false;
    }
    sent_labels_.push_back(std::move(label));
    if (!file_counted_) {
      file_counted_ = true;
      progress_.files_sent = ++summary_.files_sent;
    }
    ++summary_.documents_sent;
    summary_.bytes_sent += size;
    progress_.documents_sent = summary_.documents_sent;
    progress_.bytes_sent = summary_.bytes_sent;
    reporter_.Update(progress_, absl::Now());
    return true;
  }

  void AddLocalFailure(std::string path, const absl::Status& status) {
    summary_.failures.push_back(
        IngestFailure{std::move(path), status.code(), std::string(status.message())});
    ++progress_.errors;
  }

  const IngestOptions& options_;
  ProgressReporter& reporter_;
  grpc::ClientWriter<IngestDocumentsRequest>& stream_;
  IngestSummary& summary_;
  IngestProgress progress_;
  std::vector<std::string> sent_labels_;
  bool stream_broken_ = false;
  // Whether a document of the file being read was sent yet.
  bool file_counted_ = false;
};

// Adds the server's per-document outcomes to `summary`.
void MergeServerResults(const IngestDocumentsResponse& response,
                        const std::vector<std::string>& sent_labels, IngestSummary& summary) {
  summary.ingested = response.ingested_count();
  for (const docsearch::v1::IngestResult& result : response.results()) {
    if (result.code() == 0) continue;
    const int index = result.index();
    std::string path = index >= 0 && index < static_cast<int>(sent_labels.size())
                           ? sent_labels[index]
                           : result.source_uri();
    summary.failures.push_back(IngestFailure{
        std::move(path), static_cast<absl::StatusCode>(result.code()), result.message()});
  }
  if (response.stopped_reading()) {
    // The service stopped reading (shutting down): what came after the last
    // result was never read, so it is reported, not silently dropped.
    for (size_t index = static_cast<size_t>(response.results_size()); index < sent_labels.size();
         ++index) {
      summary.failures.push_back(
          IngestFailure{sent_labels[index], absl::StatusCode::kUnavailable,
                        "not read: the ingest service stopped (shutting down); send it again"});
    }
  }
}

}  // namespace

absl::StatusOr<IngestSummary> RunIngest(const CommandEnv& env, const IngestOptions& options) {
  const ConnectionOptions& connection = env.connection;
  const absl::Time start = absl::Now();
  const WalkResult walk = WalkPaths(options.paths);

  auto stub =
      docsearch::v1::IngestService::NewStub(MakeChannel(connection, connection.ingest_address));
  grpc::ClientContext context;
  ApplyDeadline(connection.deadline, context);
  IngestDocumentsResponse response;
  std::unique_ptr<grpc::ClientWriter<IngestDocumentsRequest>> stream =
      stub->IngestDocuments(&context, &response);

  IngestSummary summary;
  ProgressReporter reporter(*env.err, env.terminal.stderr_is_tty && !env.json, start,
                            env.terminal.stderr_width);
  DocumentSender sender(options, reporter, *stream, summary);
  if (sender.SendAll(walk)) stream->WritesDone();
  reporter.ShowStatus(absl::StrCat("sent ", FormatCount(summary.documents_sent),
                                   " documents; waiting for the ingest service to index them…"));
  const grpc::Status status = stream->Finish();
  reporter.Clear();
  if (!status.ok()) {
    absl::Status failure =
        StatusFromRpc(status, "ingest service", connection.ingest_address, connection.deadline);
    return absl::Status(
        failure.code(),
        absl::StrCat(failure.message(), "; ", summary.documents_sent,
                     " documents were sent but their outcome is unknown (ingest is idempotent"
                     " by id, so it is safe to run again)"));
  }
  MergeServerResults(response, sender.sent_labels(), summary);
  summary.elapsed = absl::Now() - start;

  if (env.json) {
    absl::StatusOr<std::string> json = IngestSummaryToJson(summary);
    if (!json.ok()) return json.status();
    *env.out << *json << "\n";
  } else {
    *env.out << RenderIngestSummary(summary);
  }
  return summary;
}

}  // namespace docsearch::cli
