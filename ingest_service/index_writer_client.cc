#include "ingest_service/index_writer_client.h"

#include <grpcpp/client_context.h>

#include <algorithm>
#include <random>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/log.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::WriteRequest;
using docsearch::v1::WriteResponse;
using Stream = grpc::ClientReaderWriter<WriteRequest, WriteResponse>;

// Callbacks to run once the lock is released: a callback may take locks of
// its own (a gRPC reactor's), and holding ours meanwhile would invite
// deadlock.
struct Completions {
  std::vector<std::pair<IndexWriterClient::Callback, absl::Status>> calls;
  void Add(IndexWriterClient::Callback& done, absl::Status status) {
    if (done) calls.emplace_back(std::move(done), std::move(status));
    done = nullptr;
  }
  void Run() {
    for (auto& [done, status] : calls) done(status, WriteReceipt());
    calls.clear();
  }
};

// Statuses with which the query service ends a Write stream when it cannot
// log a batch and a re-send would meet the same answer: RESOURCE_EXHAUSTED
// (no space left; clears when space is freed) and FAILED_PRECONDITION (the
// log refuses writes until an operator restarts the service).
bool IsRefusal(const grpc::Status& status) {
  return status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED ||
         status.error_code() == grpc::StatusCode::FAILED_PRECONDITION;
}

}  // namespace

IndexWriterClient::IndexWriterClient(std::shared_ptr<grpc::Channel> channel,
                                     const IndexWriterOptions& options)
    : options_(options), stub_(docsearch::v1::IndexService::NewStub(std::move(channel))) {
  sender_ = std::thread([this] { Run(); });
}

IndexWriterClient::~IndexWriterClient() { Shutdown(); }

void IndexWriterClient::Shutdown() {
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) {
      if (!sender_.joinable()) return;
    }
    stopping_ = true;
    if (stream_context_ != nullptr) stream_context_->TryCancel();
  }
  if (sender_.joinable()) sender_.join();
}

bool IndexWriterClient::connected() const {
  absl::MutexLock lock(&mu_);
  return acknowledged_on_stream_ && !stream_broken_;
}

IndexWriterState IndexWriterClient::State() const {
  absl::MutexLock lock(&mu_);
  IndexWriterState state;
  state.queued_documents = queue_.size();
  state.batches_in_flight = in_flight_.size();
  state.resent_batches = resent_batches_;
  return state;
}

void IndexWriterClient::Submit(docsearch::v1::Document document, absl::Time deadline, Callback done,
                               std::string request_id) {
  Submit(std::move(document), deadline, std::move(done), std::move(request_id),
         /*replace_same_content=*/false);
}

void IndexWriterClient::Submit(docsearch::v1::Document document, absl::Time deadline, Callback done,
                               std::string request_id, bool replace_same_content) {
  if (options_.on_document_done) {
    done = [observe = &options_.on_document_done, done = std::move(done)](
               const absl::Status& s, const WriteReceipt& receipt) {
      (*observe)(s);
      done(s, receipt);
    };
  }
  absl::Status refused;
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) {
      refused = absl::UnavailableError("ingest service is shutting down");
    } else if (queue_.size() >= options_.max_queued_documents) {
      refused = absl::ResourceExhaustedError(
          absl::StrCat("ingest queue is full (", options_.max_queued_documents,
                       " documents waiting for the query service); retry after a short wait"));
    } else {
      queue_.push_back(Pending{std::move(document), deadline, std::move(done),
                               std::move(request_id), replace_same_content});
      return;
    }
  }
  done(refused, WriteReceipt());
}

absl::Status IndexWriterClient::UnavailableLocked() const {
  return absl::UnavailableError(absl::StrCat(
      "the query service did not acknowledge the document before the deadline (last error: ",
      last_error_, "); retrying is safe"));
}

void IndexWriterClient::ExpireLocked(absl::Time now) {
  Completions completions;
  for (auto it = queue_.begin(); it != queue_.end();) {
    if (it->deadline <= now) {
      completions.Add(it->done, UnavailableLocked());
      it = queue_.erase(it);
    } else {
      ++it;
    }
  }
  // In-flight documents stay in their batch (the acknowledgement still has
  // to be matched), but their callers are answered now.
  for (auto& [id, batch] : in_flight_) {
    for (Pending& pending : batch) {
      if (pending.deadline <= now) completions.Add(pending.done, UnavailableLocked());
    }
  }
  mu_.Unlock();
  completions.Run();
  mu_.Lock();
}

void IndexWriterClient::RequeueInFlightLocked() {
  // Newest batch first, each pushed to the front: the queue keeps the order
  // in which documents were submitted.
  for (auto it = in_flight_.rbegin(); it != in_flight_.rend(); ++it) {
    for (auto pending = it->second.rbegin(); pending != it->second.rend(); ++pending) {
      if (pending->done) queue_.push_front(std::move(*pending));
    }
  }
  in_flight_.clear();
}

void IndexWriterClient::Run() {
  std::mt19937_64 random(std::random_device{}());
  absl::Duration backoff = options_.initial_backoff;
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      // Open a stream only when there is something to send.
      while (!stopping_ && queue_.empty()) {
        mu_.AwaitWithTimeout(absl::Condition(
                                 +[](IndexWriterClient* self) ABSL_NO_THREAD_SAFETY_ANALYSIS {
                                   return self->stopping_ || !self->queue_.empty();
                                 },
                                 this),
                             absl::Milliseconds(200));
      }
      if (stopping_) break;
    }

    grpc::ClientContext context;
    std::unique_ptr<Stream> stream = stub_->Write(&context);
    {
      absl::MutexLock lock(&mu_);
      stream_context_ = &context;
      stream_broken_ = false;
      acknowledged_on_stream_ = false;
    }
    std::thread reader([&] { ReadAcknowledgements(stream.get()); });
    SendBatches(stream.get());
    stream->WritesDone();
    reader.join();
    grpc::Status status = stream->Finish();

    bool acknowledged;
    bool stop;
    Completions refused;
    {
      absl::MutexLock lock(&mu_);
      stream_context_ = nullptr;
      if (!status.ok()) {
        last_error_ = absl::StrCat(
            absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code())), ": ",
            status.error_message());
      }
      if (IsRefusal(status)) {
        // The query service could not log a batch (disk full, data directory
        // gone): re-sending until the deadline would only hide why. None of
        // these was acknowledged (the batches after the refused one were not
        // even read).
        const absl::Status refusal(
            static_cast<absl::StatusCode>(status.error_code()),
            absl::StrCat("the query service refused the write: ", status.error_message()));
        for (auto& [id, batch] : in_flight_) {
          for (Pending& pending : batch) refused.Add(pending.done, refusal);
        }
        in_flight_.clear();
      } else {
        resent_batches_ += static_cast<int64_t>(in_flight_.size());
        RequeueInFlightLocked();
      }
      acknowledged = acknowledged_on_stream_;
      stop = stopping_;
    }
    refused.Run();
    if (stop) break;
    if (acknowledged) {
      backoff = options_.initial_backoff;
    } else {
      backoff = std::min(backoff * 2, options_.max_backoff);
    }
    // Full jitter keeps many ingest services from reconnecting in step.
    std::uniform_real_distribution<double> jitter(0.5, 1.0);
    const absl::Duration wait = backoff * jitter(random);
    {
      absl::MutexLock lock(&mu_);
      const absl::Time until = absl::Now() + wait;
      while (!stopping_ && absl::Now() < until) {
        mu_.AwaitWithDeadline(absl::Condition(
                                  +[](IndexWriterClient* self)
                                       ABSL_NO_THREAD_SAFETY_ANALYSIS { return self->stopping_; },
                                  this),
                              std::min(until, absl::Now() + absl::Milliseconds(50)));
        ExpireLocked(absl::Now());
      }
    }
  }

  // Shutting down: everything not acknowledged is answered UNAVAILABLE.
  Completions completions;
  {
    absl::MutexLock lock(&mu_);
    RequeueInFlightLocked();
    for (Pending& pending : queue_) {
      completions.Add(pending.done, absl::UnavailableError("ingest service is shutting down"));
    }
    queue_.clear();
  }
  completions.Run();
}

void IndexWriterClient::SendBatches(Stream* stream) {
  while (true) {
    WriteRequest request;
    {
      absl::MutexLock lock(&mu_);
      auto ready_to_send = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return stopping_ || stream_broken_ ||
               (!queue_.empty() &&
                static_cast<int>(in_flight_.size()) < options_.max_batches_in_flight);
      };
      while (!ready_to_send()) {
        // Wake regularly to answer callers whose deadline passed.
        mu_.AwaitWithTimeout(absl::Condition(&ready_to_send), absl::Milliseconds(50));
        ExpireLocked(absl::Now());
      }
      if (stopping_ || stream_broken_) return;
      ExpireLocked(absl::Now());
      if (queue_.empty()) continue;

      const uint64_t batch_id = next_batch_id_++;
      Batch batch;
      size_t bytes = 0;
      while (!queue_.empty() && static_cast<int>(batch.size()) < options_.max_batch_documents) {
        const size_t size = queue_.front().document.ByteSizeLong();
        if (!batch.empty() && bytes + size > options_.max_batch_bytes) break;
        bytes += size;
        *request.add_documents() = queue_.front().document;
        request.add_request_ids(queue_.front().request_id);
        request.add_replace_same_content(queue_.front().replace_same_content);
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      request.set_batch_id(batch_id);
      in_flight_.emplace(batch_id, std::move(batch));
    }
    if (!stream->Write(request)) {
      absl::MutexLock lock(&mu_);
      stream_broken_ = true;
      return;
    }
  }
}

void IndexWriterClient::ReadAcknowledgements(Stream* stream) {
  WriteResponse response;
  while (stream->Read(&response)) {
    Completions completions;
    {
      absl::MutexLock lock(&mu_);
      acknowledged_on_stream_ = true;
      auto it = in_flight_.find(response.batch_id());
      if (it == in_flight_.end()) {
        LogWarning(absl::StrCat("acknowledgement for unknown batch ", response.batch_id()));
        continue;
      }
      Batch& batch = it->second;
      for (size_t i = 0; i < batch.size(); ++i) {
        absl::Status status;
        if (i >= static_cast<size_t>(response.results_size())) {
          status = absl::InternalError("the query service sent no result for the document");
        } else if (response.results(static_cast<int>(i)).code() != 0) {
          const auto& result = response.results(static_cast<int>(i));
          status = absl::Status(static_cast<absl::StatusCode>(result.code()), result.message());
        }
        completions.Add(batch[i].done, status);
      }
      in_flight_.erase(it);
    }
    completions.Run();
  }
  absl::MutexLock lock(&mu_);
  stream_broken_ = true;
}

}  // namespace docsearch::ingest
