#include "ingest_service/reparser.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"
#include "common/request_id.h"
#include "ingest_service/kept_raw.h"
#include "ingest_service/parsed_changes.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::Document;
using docsearch::v1::ReparseResponse;

// What the rewrites' callbacks report into. Shared with them, so a Run that
// stops early (cancelled) can return while some are still unacknowledged.
struct Rewrites {
  absl::Mutex mu;
  int outstanding ABSL_GUARDED_BY(mu) = 0;
  int64_t failed ABSL_GUARDED_BY(mu) = 0;
  std::vector<docsearch::v1::ReparseFailure> failures ABSL_GUARDED_BY(mu);
};

void AddFailure(ReparseResponse* response, const std::string& id, const absl::Status& status) {
  response->set_failed_count(response->failed_count() + 1);
  if (response->failures_size() >= kMaxReportedFailures) return;
  auto* failure = response->add_failures();
  failure->set_id(id);
  failure->set_code(static_cast<int>(status.code()));
  failure->set_message(std::string(status.message()));
}

}  // namespace

Reparser::Reparser(std::shared_ptr<grpc::Channel> query_channel, IndexWriterClient* writer,
                   const ParseOptions* parse)
    : query_(docsearch::v1::QueryService::NewStub(std::move(query_channel))),
      writer_(writer),
      parse_(parse) {}

void Reparser::Cancel() {
  absl::MutexLock lock(&mu_);
  cancelled_ = true;
  if (export_context_ != nullptr) export_context_->TryCancel();
}

absl::StatusOr<ReparseResponse> Reparser::Run(const docsearch::v1::ReparseRequest& request,
                                              const ReparseCall& call) {
  if (request.has_query() == !request.query_string().empty()) {
    return absl::InvalidArgumentError(request.has_query()
                                          ? "set either query or query_string, not both"
                                          : "query or query_string is required (match_all "
                                            "selects every document)");
  }
  docsearch::v1::ExportDocumentsRequest export_request;
  if (request.has_query()) *export_request.mutable_query() = request.query();
  export_request.set_query_string(request.query_string());
  // Every field (an empty mask would leave out the raw bytes).
  const auto* descriptor = Document::descriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    export_request.mutable_field_mask()->add_paths(descriptor->field(i)->name());
  }

  grpc::ClientContext context;
  if (call.deadline != absl::InfiniteFuture())
    context.set_deadline(absl::ToChronoTime(call.deadline));
  if (!call.request_id.empty()) context.AddMetadata(kRequestIdMetadataKey, call.request_id);
  {
    absl::MutexLock lock(&mu_);
    if (cancelled_) return absl::CancelledError("the ingest service is shutting down");
    export_context_ = &context;
  }
  std::unique_ptr<grpc::ClientReader<docsearch::v1::ExportDocumentsResponse>> reader =
      query_->ExportDocuments(&context, export_request);

  ReparseResponse response;
  response.set_dry_run(request.dry_run());
  std::map<int, int64_t> changes_by_field;  // Field index → documents.
  // Rewrites whose published date changed: the export, ordered by date,
  // may come to them again. Only these, so memory does not grow with the
  // archive.
  absl::flat_hash_set<std::string> moved;
  auto rewrites = std::make_shared<Rewrites>();
  absl::Status stopped;
  auto stop_requested = [&]() -> absl::Status {
    if (call.caller_cancelled && call.caller_cancelled()) {
      return absl::CancelledError("the caller cancelled the reparse");
    }
    absl::MutexLock lock(&mu_);
    if (cancelled_) return absl::CancelledError("the ingest service is shutting down");
    return absl::OkStatus();
  };

  docsearch::v1::ExportDocumentsResponse chunk;
  while (stopped.ok() && reader->Read(&chunk)) {
    for (Document& stored : *chunk.mutable_documents()) {
      if (stopped = stop_requested(); !stopped.ok()) break;
      if (moved.contains(stored.id())) continue;
      response.set_matched_count(response.matched_count() + 1);
      if (!stored.has_raw()) {
        response.set_skipped_count(response.skipped_count() + 1);
        continue;
      }
      absl::StatusOr<docsearch::v1::RawDocument> raw =
          RawDocumentFromKept(stored.raw(), stored.id(), parse_->max_document_bytes);
      absl::StatusOr<docsearch::v1::ParseDocumentResponse> parsed =
          raw.ok() ? ParseRawDocument(*raw, *parse_) : raw.status();
      if (!parsed.ok()) {
        AddFailure(&response, stored.id(), parsed.status());
        continue;
      }
      Document& reparsed = *parsed->mutable_document();
      const std::vector<std::string> changed = ChangedFields(stored, reparsed);
      if (changed.empty()) {
        response.set_unchanged_count(response.unchanged_count() + 1);
        continue;
      }
      response.set_changed_count(response.changed_count() + 1);
      for (const std::string& field : changed) {
        ++changes_by_field[descriptor->FindFieldByName(field)->index()];
      }
      if (request.dry_run()) continue;
      if (std::find(changed.begin(), changed.end(), "published") != changed.end()) {
        moved.insert(stored.id());
      }
      // The same input stays kept with the new parse.
      *reparsed.mutable_raw() = std::move(*stored.mutable_raw());
      {
        absl::MutexLock lock(&rewrites->mu);
        auto has_room = [&rewrites]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(rewrites->mu) {
          return rewrites->outstanding < kMaxOutstandingRewrites;
        };
        rewrites->mu.Await(absl::Condition(&has_room));
        ++rewrites->outstanding;
      }
      const std::string id = reparsed.id();
      writer_->Submit(
          std::move(reparsed), std::min(call.deadline, absl::Now() + call.max_write_wait),
          [rewrites, id](const absl::Status& status, const WriteReceipt& /*receipt*/) {
            absl::MutexLock lock(&rewrites->mu);
            --rewrites->outstanding;
            if (status.ok()) return;
            ++rewrites->failed;
            if (rewrites->failures.size() < kMaxReportedFailures) {
              auto& failure = rewrites->failures.emplace_back();
              failure.set_id(id);
              failure.set_code(static_cast<int>(status.code()));
              failure.set_message(std::string(status.message()));
            }
          },
          call.request_id, /*replace_same_content=*/true);
    }
  }
  if (!stopped.ok()) context.TryCancel();
  const grpc::Status exported = reader->Finish();
  {
    absl::MutexLock lock(&mu_);
    export_context_ = nullptr;
  }
  if (stopped.ok() && !exported.ok()) {
    stopped = absl::Status(static_cast<absl::StatusCode>(exported.error_code()),
                           absl::StrCat("reading the stored documents from the query service: ",
                                        exported.error_message()));
  }

  // Every rewrite is acknowledged, or failed, before the answer, so a
  // search after Reparse returns sees the new documents. Cancelled: no
  // waiting (the callbacks hold `rewrites`, not this frame).
  {
    absl::MutexLock lock(&rewrites->mu);
    auto all_done_or_stopping = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(rewrites->mu) {
      return rewrites->outstanding == 0;
    };
    while (!rewrites->mu.AwaitWithTimeout(absl::Condition(&all_done_or_stopping),
                                          absl::Milliseconds(100))) {
      if (!stop_requested().ok()) break;
    }
    if (stopped.ok() && rewrites->outstanding > 0) stopped = stop_requested();
    for (auto& failure : rewrites->failures) {
      if (response.failures_size() < kMaxReportedFailures) *response.add_failures() = failure;
    }
    response.set_failed_count(response.failed_count() + rewrites->failed);
  }
  if (!stopped.ok()) return stopped;
  for (const auto& [index, count] : changes_by_field) {
    auto* field = response.add_field_changes();
    field->set_field(descriptor->field(index)->name());
    field->set_document_count(count);
  }
  return response;
}

}  // namespace docsearch::ingest
