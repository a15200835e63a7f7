#include "query_service/storage/indexer.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/document_id.h"
#include "common/utf8_text.h"
#include "google/protobuf/util/time_util.h"
#include "query_service/storage/written_document_check.h"

namespace docsearch::query {

using docsearch::v1::Document;
using docsearch::v1::WriteRequest;
using docsearch::v1::WriteResponse;

absl::StatusOr<WriteResponse> Indexer::Write(const WriteRequest& request, bool keep_ingested_at) {
  WriteResponse response;
  response.set_batch_id(request.batch_id());
  WriteRequest to_apply;  // The documents that change the index.
  to_apply.set_batch_id(request.batch_id());
  std::vector<int> applied_positions;
  const auto now =
      google::protobuf::util::TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(absl::Now()));

  Pending pending;
  {
    absl::MutexLock lock(&mu_);
    for (int i = 0; i < request.documents_size(); ++i) {
      const Document& document = request.documents(i);
      auto* result = response.add_results();
      absl::Status valid = CheckWrittenDocument(document, i);
      if (!valid.ok()) {
        // The acknowledgement echoes at most a bounded piece of a bad id, so
        // it stays far below the writer's receive limit.
        result->set_id(TruncatedForMessage(document.id(), kMaxDocumentIdBytes));
        result->set_code(static_cast<int>(valid.code()));
        result->set_message(std::string(valid.message()));
        continue;
      }
      result->set_id(document.id());
      const bool replace_same_content =
          i < request.replace_same_content_size() && request.replace_same_content(i);
      if (!replace_same_content && index_->IsUnchanged(document)) {
        result->set_unchanged(true);
        continue;
      }
      // Logged with the batch, so replay replaces the same way.
      to_apply.add_replace_same_content(replace_same_content);
      Document* copy = to_apply.add_documents();
      *copy = document;
      // The index stamps the version it stores; the log carries the stamp so
      // replay rebuilds the same document.
      if (!keep_ingested_at || !copy->has_ingested_at()) *copy->mutable_ingested_at() = now;
      applied_positions.push_back(i);
    }
    if (to_apply.documents().empty()) return response;
    absl::StatusOr<Pending> logged =
        LogLocked(LogRecordType::kUpsertBatch, to_apply.SerializeAsString());
    if (!logged.ok()) return logged.status();
    pending = *logged;
  }
  absl::Status committed = Commit(pending, [&] {
    std::vector<std::unique_ptr<Document>> documents;
    documents.reserve(applied_positions.size());
    for (Document& document : *to_apply.mutable_documents()) {
      documents.push_back(std::make_unique<Document>(std::move(document)));
    }
    // One write for the batch: searches see all of it at once.
    std::vector<absl::StatusOr<bool>> results = index_->UpsertBatch(
        std::move(documents),
        {to_apply.replace_same_content().begin(), to_apply.replace_same_content().end()});
    for (size_t k = 0; k < applied_positions.size(); ++k) {
      const absl::StatusOr<bool>& changed = results[k];
      if (!changed.ok()) {
        // Logged but refused by the index: replay refuses it the same way,
        // so the log and the index stay in agreement.
        auto* result = response.mutable_results(applied_positions[k]);
        result->set_code(static_cast<int>(changed.status().code()));
        result->set_message(
            absl::StrCat("documents[", applied_positions[k], "]: ", changed.status().message()));
      }
    }
  });
  if (!committed.ok()) return committed;
  return response;
}

absl::Status Indexer::Delete(const std::string& id) {
  if (id.empty()) return absl::InvalidArgumentError("id is empty");
  Pending pending;
  {
    absl::MutexLock lock(&mu_);
    // Checked against applied writes: a concurrent upsert of `id` still
    // waiting for its sync is not seen, as if it had come after.
    if (!index_->Get(id).ok())
      return absl::NotFoundError(
          absl::StrCat("no document with id '", TruncatedForMessage(id), "'"));
    docsearch::v1::DeleteDocumentRequest record;
    record.set_id(id);
    absl::StatusOr<Pending> logged = LogLocked(LogRecordType::kDelete, record.SerializeAsString());
    if (!logged.ok()) return logged.status();
    pending = *logged;
  }
  absl::Status deleted;
  absl::Status committed = Commit(pending, [&] { deleted = index_->Delete(id); });
  if (!committed.ok()) return committed;
  return deleted;
}

absl::StatusOr<Indexer::Pending> Indexer::LogLocked(LogRecordType type,
                                                    const std::string& payload) {
  Pending pending;
  if (log_ != nullptr) {
    if (group_commit_) {
      absl::StatusOr<int64_t> position = log_->Write(type, payload);
      if (!position.ok()) return position.status();
      pending.log = log_;
      pending.position = *position;
    } else if (absl::Status appended = log_->Append(type, payload); !appended.ok()) {
      return appended;
    }
  }
  pending.ticket = next_ticket_++;
  return pending;
}

absl::Status Indexer::Commit(const Pending& pending, const std::function<void()>& apply) {
  // Several writers wait here at once; WriteAheadLog::Sync lets one
  // fdatasync cover them all.
  const absl::Status durable =
      pending.log != nullptr ? pending.log->Sync(pending.position) : absl::OkStatus();
  {
    absl::MutexLock lock(&apply_mu_);
    auto my_turn = [this, &pending]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(apply_mu_) {
      return applied_tickets_ == pending.ticket;
    };
    apply_mu_.Await(absl::Condition(&my_turn));
    // A failed sync fails every later one too (the log refuses writes), so
    // skipping this batch cannot let a later batch overtake it.
    if (durable.ok()) apply();
    ++applied_tickets_;
  }
  if (durable.ok() && after_log_) after_log_();
  return durable;
}

absl::Status Indexer::Replay(LogRecordType type, absl::string_view payload) {
  if (type == LogRecordType::kDelete) {
    docsearch::v1::DeleteDocumentRequest record;
    if (!record.ParseFromArray(payload.data(), static_cast<int>(payload.size()))) {
      return absl::DataLossError("undecodable delete record");
    }
    index_->Delete(record.id()).IgnoreError();  // Absent already: same end state.
    return absl::OkStatus();
  }
  WriteRequest batch;
  if (!batch.ParseFromArray(payload.data(), static_cast<int>(payload.size()))) {
    return absl::DataLossError("undecodable upsert record");
  }
  std::vector<std::unique_ptr<Document>> documents;
  documents.reserve(batch.documents_size());
  for (Document& document : *batch.mutable_documents()) {
    documents.push_back(std::make_unique<Document>(std::move(document)));
  }
  // A document the index refused when it was written is refused again.
  // Records written before replace_same_content existed have none: false.
  index_->UpsertBatch(std::move(documents),
                      {batch.replace_same_content().begin(), batch.replace_same_content().end()});
  return absl::OkStatus();
}

absl::Status Indexer::LoadDocument(Document document) {
  // A snapshot holds an id's versions in write order. A re-parse keeps the
  // content_hash, so a later record with the same hash but another
  // ingested_at stamp is a write of its own (replace_same_content) and must
  // replace; the same stamp is the same version copied twice.
  bool replace_same_content = false;
  if (index_->IsUnchanged(document)) {
    absl::StatusOr<Document> live = index_->Get(document.id());
    replace_same_content = live.ok() && live->ingested_at().SerializeAsString() !=
                                            document.ingested_at().SerializeAsString();
  }
  std::vector<std::unique_ptr<Document>> batch;
  batch.push_back(std::make_unique<Document>(std::move(document)));
  return index_->UpsertBatch(std::move(batch), {replace_same_content}).front().status();
}

absl::StatusOr<uint64_t> Indexer::RotateLog() {
  absl::MutexLock lock(&mu_);
  if (log_ == nullptr) return absl::FailedPreconditionError("no log to rotate (memory only)");
  // No batch gets logged while mu_ is held; wait for the ones already logged
  // to be applied, so the index holds every write of the older generations.
  const uint64_t issued = next_ticket_;
  {
    absl::MutexLock apply_lock(&apply_mu_);
    auto all_applied = [this, issued]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(apply_mu_) {
      return applied_tickets_ == issued;
    };
    apply_mu_.Await(absl::Condition(&all_applied));
  }
  return log_->Rotate();
}

}  // namespace docsearch::query
