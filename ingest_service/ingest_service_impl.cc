#include "ingest_service/ingest_service_impl.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/grpc_status.h"
#include "common/request_decoding.h"
#include "common/request_id.h"
#include "ingest_service/kept_raw.h"

namespace docsearch::ingest {

using docsearch::v1::IngestDocumentsRequest;
using docsearch::v1::IngestDocumentsResponse;

IngestServiceImpl::IngestServiceImpl(DocumentSink* writer, const IngestServiceOptions& options)
    : writer_(writer), options_(options) {
  if (options_.query_channel != nullptr && options_.reparse_writer != nullptr) {
    reparser_ = std::make_unique<Reparser>(options_.query_channel, options_.reparse_writer,
                                           &options_.parse);
  }
  const std::string service = docsearch::v1::IngestService::service_full_name();
  MarkMethodCallback(
      MethodIndex(service, "ParseDocument"),
      new DecodingUnaryHandler<IngestServiceImpl, docsearch::v1::ParseDocumentRequest,
                               docsearch::v1::ParseDocumentResponse>(
          this, &IngestServiceImpl::ParseDocument));
  MarkMethodCallback(
      MethodIndex(service, "IngestDocument"),
      new DecodingUnaryHandler<IngestServiceImpl, docsearch::v1::IngestDocumentRequest,
                               docsearch::v1::IngestDocumentResponse>(
          this, &IngestServiceImpl::IngestDocument));
  MarkMethodCallback(
      MethodIndex(service, "Reparse"),
      new DecodingUnaryHandler<IngestServiceImpl, docsearch::v1::ReparseRequest,
                               docsearch::v1::ReparseResponse>(this, &IngestServiceImpl::Reparse));
  MarkMethodCallback(
      MethodIndex(service, "IngestDocuments"),
      new grpc::internal::CallbackClientStreamingHandler<grpc::ByteBuffer, IngestDocumentsResponse>(
          [this](grpc::CallbackServerContext* context, IngestDocumentsResponse* response) {
            return IngestDocumentsRaw(context, response);
          }));
}

IngestServiceImpl::~IngestServiceImpl() {
  std::thread reparse;
  {
    absl::MutexLock lock(&mu_);
    reparse = std::move(reparse_thread_);
  }
  if (reparser_ != nullptr) reparser_->Cancel();
  if (reparse.joinable()) reparse.join();
}

absl::Time IngestServiceImpl::DeadlineOf(const grpc::CallbackServerContext& context) const {
  const absl::Time now = absl::Now();
  const absl::Time cap = now + options_.max_ingest_wait;
  absl::Time deadline = absl::FromChrono(context.deadline());
  // Answer a little before the caller's deadline, so the caller hears why
  // (UNAVAILABLE: the query service did not acknowledge) instead of a bare
  // DEADLINE_EXCEEDED.
  if (deadline < cap) deadline -= std::min(absl::Milliseconds(200), (deadline - now) / 10);
  return std::min(deadline, cap);
}

grpc::ServerUnaryReactor* IngestServiceImpl::ParseDocument(
    grpc::CallbackServerContext* context, const docsearch::v1::ParseDocumentRequest* request,
    docsearch::v1::ParseDocumentResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  ParseOptions options = options_.parse;
  options.explain_lines = request->explain_lines();
  absl::StatusOr<docsearch::v1::ParseDocumentResponse> parsed =
      ParseRawDocument(request->document(), options);
  if (parsed.ok()) *response = *std::move(parsed);
  reactor->Finish(ToGrpcStatus(parsed.status()));
  return reactor;
}

grpc::ServerUnaryReactor* IngestServiceImpl::IngestDocument(
    grpc::CallbackServerContext* context, const docsearch::v1::IngestDocumentRequest* request,
    docsearch::v1::IngestDocumentResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<docsearch::v1::ParseDocumentResponse> parsed =
      ParseRawDocument(request->document(), options_.parse);
  if (!parsed.ok()) {
    reactor->Finish(ToGrpcStatus(parsed.status()));
    return reactor;
  }
  docsearch::v1::Document& document = *parsed->mutable_document();
  if (options_.keep_raw) *document.mutable_raw() = KeepRaw(request->document());
  response->set_id(document.id());
  response->set_content_hash(document.content_hash());
  *response->mutable_warnings() = document.warnings();
  // The response is filled before submitting: the callback may run at once,
  // on another thread, and then only Finish may touch the call.
  writer_->Submit(
      std::move(document), DeadlineOf(*context),
      [reactor, response](const absl::Status& status, const WriteReceipt& receipt) {
        if (status.ok() && receipt.in_cluster_log) {
          response->mutable_consistency_token()->set_shard(receipt.shard);
          response->mutable_consistency_token()->set_sequence(receipt.sequence);
        }
        reactor->Finish(ToGrpcStatus(status));
      },
      RequestIdOf(*context));
  return reactor;
}

// One IngestDocuments stream: parse each document as it arrives, submit it,
// and answer once the client has finished sending and every document has
// an outcome. Reading pauses while too many documents are outstanding, so a
// fast client is slowed to the query service's pace (flow control) instead
// of filling memory.
//
// Each message is decoded here (not by gRPC, see common/request_decoding.h):
// one that cannot be decoded gets its own failed result (INVALID_ARGUMENT
// naming the problem) and the stream goes on, so every message the client
// sent has an outcome.
//
// Shutdown (StopReading): no further message is read; the stream answers,
// with `stopped_reading` set, once the documents already read have their
// outcomes. A message whose read completes after that gets UNAVAILABLE.
class IngestServiceImpl::IngestStream final : public grpc::ServerReadReactor<grpc::ByteBuffer> {
 public:
  IngestStream(IngestServiceImpl* service, grpc::CallbackServerContext* context,
               IngestDocumentsResponse* response)
      : service_(service), context_(context), response_(response) {}

  // Ends the stream DEADLINE_EXCEEDED unless a document arrives within the
  // watch's timeout. Before Begin.
  void WatchFirstMessage(FirstMessageWatch* watch) {
    watch_ = watch;
    ticket_ = watch->Watch([this, timeout = watch->timeout()] {
      {
        absl::MutexLock lock(&mu_);
        if (finished_ || stopping_) return;
        // Like StopReading: a read that completes now is refused.
        finished_ = stopping_ = reading_done_ = true;
      }
      Finish(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                          absl::StrCat("no document within ", absl::FormatDuration(timeout),
                                       " of opening the stream (--first_message_timeout); open a "
                                       "stream when there is something to send")));
    });
  }

  void Begin() { StartRead(&raw_request_); }

  // See the class comment. Thread-safe; the owner calls it while holding
  // its registry lock, which OnDone also takes, so `this` stays alive.
  void StopReading() {
    bool finish;
    {
      absl::MutexLock lock(&mu_);
      if (finished_ || stopping_) return;
      stopping_ = true;
      reading_done_ = true;
      finish = ReadyToFinishLocked();
    }
    // A read may still be pending: it completes (ok=false, or with a message
    // OnReadDone refuses) before OnDone runs.
    if (finish) Finish(grpc::Status::OK);
  }

  void OnReadDone(bool ok) override {
    // First, so a deadline that fires meanwhile has already set stopping_.
    if (watch_ != nullptr && next_index_ == 0) watch_->Received(ticket_);
    {
      absl::MutexLock lock(&mu_);
      if (stopping_) {
        // Read after StopReading: refused, and no further read.
        if (ok && !finished_) {
          docsearch::v1::IngestResult refused;
          refused.set_index(next_index_++);
          refused.set_code(static_cast<int>(grpc::StatusCode::UNAVAILABLE));
          refused.set_message("not ingested: the ingest service is shutting down; send it again");
          results_.push_back(std::move(refused));
        }
        return;
      }
    }
    if (!ok) {
      bool finish;
      {
        absl::MutexLock lock(&mu_);
        reading_done_ = true;
        finish = ReadyToFinishLocked();
      }
      // Last: Finish may run OnDone, which deletes this, on another thread.
      if (finish) Finish(grpc::Status::OK);
      return;
    }
    const int index = next_index_++;
    docsearch::v1::IngestResult result;
    result.set_index(index);
    absl::StatusOr<docsearch::v1::ParseDocumentResponse> parsed = absl::UnknownError("");
    absl::Status decoded = DecodeRequest(raw_request_, &request_);
    if (decoded.ok()) {
      result.set_source_uri(request_.document().source_uri());
      parsed = ParseRawDocument(request_.document(), service_->options().parse);
    } else {
      parsed = absl::InvalidArgumentError(
          absl::StrCat("message ", index, " of the stream: ", decoded.message()));
    }
    bool read_more = true;
    {
      absl::MutexLock lock(&mu_);
      if (!parsed.ok()) {
        result.set_code(static_cast<int>(parsed.status().code()));
        result.set_message(std::string(parsed.status().message()));
        results_.push_back(std::move(result));
      } else {
        result.set_id(parsed->document().id());
        results_.push_back(result);
        ++outstanding_;
        if (outstanding_ >= service_->options().max_outstanding_per_stream) {
          paused_ = true;
          read_more = false;
        }
      }
    }
    if (parsed.ok()) {
      if (service_->options().keep_raw) {
        *parsed->mutable_document()->mutable_raw() = KeepRaw(request_.document());
      }
      const size_t slot = static_cast<size_t>(index);
      service_->writer()->Submit(
          std::move(*parsed->mutable_document()), service_->DeadlineOf(*context_),
          [this, slot](const absl::Status& status, const WriteReceipt& receipt) {
            OnWritten(slot, status, receipt);
          },
          RequestIdOf(*context_));
    }
    if (read_more) StartRead(&raw_request_);
  }

  void OnDone() override {
    // After Forget the watch's callback is not running and never will.
    if (watch_ != nullptr) watch_->Forget(ticket_);
    service_->Unregister(this);
    delete this;
  }

 private:
  void OnWritten(size_t slot, const absl::Status& status, const WriteReceipt& receipt) {
    bool resume = false;
    bool finish = false;
    {
      absl::MutexLock lock(&mu_);
      if (!status.ok()) {
        results_[slot].set_code(static_cast<int>(status.code()));
        results_[slot].set_message(std::string(status.message()));
      } else if (receipt.in_cluster_log) {
        results_[slot].mutable_consistency_token()->set_shard(receipt.shard);
        results_[slot].mutable_consistency_token()->set_sequence(receipt.sequence);
      }
      --outstanding_;
      if (paused_ && outstanding_ < service_->options().max_outstanding_per_stream / 2) {
        paused_ = false;
        resume = true;
      }
      finish = ReadyToFinishLocked();
    }
    // Finish is called with mu_ released and touches nothing after it: it
    // may run OnDone (delete this) at once on another thread, and a
    // MutexLock still held then would unlock a destroyed mutex.
    if (finish) {
      Finish(grpc::Status::OK);
    } else if (resume) {
      // StopReading may have come in between: then no further read.
      absl::MutexLock lock(&mu_);
      if (!stopping_) StartRead(&raw_request_);
    }
  }

  // Whether every document has an outcome and the client is done sending;
  // if so, fills the response once, and the caller must then Finish.
  bool ReadyToFinishLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (!reading_done_ || outstanding_ > 0 || finished_) return false;
    finished_ = true;
    int failed = 0;
    for (auto& result : results_) {
      if (result.code() != 0) ++failed;
      *response_->add_results() = std::move(result);
    }
    response_->set_failed_count(failed);
    response_->set_ingested_count(static_cast<int>(results_.size()) - failed);
    response_->set_stopped_reading(stopping_);
    return true;
  }

  IngestServiceImpl* const service_;
  grpc::CallbackServerContext* const context_;
  IngestDocumentsResponse* const response_;
  grpc::ByteBuffer raw_request_;    // Touched by the one read in flight.
  IngestDocumentsRequest request_;  // Decoded from raw_request_.
  int next_index_ = 0;              // Only touched in OnReadDone.
  FirstMessageWatch* watch_ = nullptr;
  uint64_t ticket_ = 0;
  absl::Mutex mu_;
  std::vector<docsearch::v1::IngestResult> results_ ABSL_GUARDED_BY(mu_);
  int outstanding_ ABSL_GUARDED_BY(mu_) = 0;
  bool paused_ ABSL_GUARDED_BY(mu_) = false;
  bool reading_done_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
};

grpc::ServerReadReactor<grpc::ByteBuffer>* IngestServiceImpl::IngestDocumentsRaw(
    grpc::CallbackServerContext* context, IngestDocumentsResponse* response) {
  auto* stream = new IngestStream(this, context, response);
  {
    absl::MutexLock lock(&mu_);
    streams_.insert(stream);
    if (shutting_down_) {
      stream->Finish(
          grpc::Status(grpc::StatusCode::UNAVAILABLE, "ingest service is shutting down"));
      return stream;
    }
  }
  if (options_.first_message_watch != nullptr) {
    stream->WatchFirstMessage(options_.first_message_watch);
  }
  stream->Begin();
  return stream;
}

void IngestServiceImpl::Unregister(IngestStream* stream) {
  absl::MutexLock lock(&mu_);
  streams_.erase(stream);
}

void IngestServiceImpl::BeginShutdown() {
  {
    absl::MutexLock lock(&mu_);
    shutting_down_ = true;
    for (IngestStream* stream : streams_) stream->StopReading();
  }
  if (reparser_ != nullptr) reparser_->Cancel();
}

grpc::ServerUnaryReactor* IngestServiceImpl::Reparse(grpc::CallbackServerContext* context,
                                                     const docsearch::v1::ReparseRequest* request,
                                                     docsearch::v1::ReparseResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (reparser_ == nullptr) {
    reactor->Finish(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                                 "this ingest service has no query service to read from and "
                                 "write to (Reparse is not available in cluster mode yet)"));
    return reactor;
  }
  ReparseCall call;
  // No cap when the caller set no deadline: a reparse takes as long as
  // the archive needs. Each rewrite's wait is still bounded.
  call.deadline = absl::FromChrono(context->deadline());
  call.max_write_wait = options_.max_ingest_wait;
  call.request_id = RequestIdOf(*context);
  call.caller_cancelled = [context] { return context->IsCancelled(); };
  absl::MutexLock lock(&mu_);
  if (shutting_down_) {
    reactor->Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE, "ingest service is shutting down"));
    return reactor;
  }
  if (reparse_running_) {
    reactor->Finish(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                                 "a reparse is already running; try again once it has answered"));
    return reactor;
  }
  reparse_running_ = true;
  // The previous reparse has answered: its thread is at its end.
  if (reparse_thread_.joinable()) reparse_thread_.join();
  reparse_thread_ = std::thread([this, request, response, reactor, call] {
    absl::StatusOr<docsearch::v1::ReparseResponse> result = reparser_->Run(*request, call);
    if (result.ok()) *response = *std::move(result);
    {
      absl::MutexLock lock(&mu_);
      reparse_running_ = false;
    }
    // Last: the call, `request` and `response` may be gone after it.
    reactor->Finish(ToGrpcStatus(result.status()));
  });
  return reactor;
}

}  // namespace docsearch::ingest
