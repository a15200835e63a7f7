#include "query_service/indexer.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/util/time_util.h"

namespace docsearch::query {

using docsearch::v1::Document;
using docsearch::v1::WriteRequest;
using docsearch::v1::WriteResponse;

absl::StatusOr<WriteResponse> Indexer::Write(const WriteRequest& request) {
  WriteResponse response;
  response.set_batch_id(request.batch_id());
  const auto now =
      google::protobuf::util::TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(absl::Now()));

  {
    absl::MutexLock lock(&mu_);
    absl::Status applied = WriteLocked(request, now, response);
    if (!applied.ok()) return applied;
  }
  if (after_log_) after_log_();
  return response;
}

absl::Status Indexer::WriteLocked(const WriteRequest& request,
                                  const google::protobuf::Timestamp& now, WriteResponse& response) {
  WriteRequest to_apply;  // The documents that change the index.
  to_apply.set_batch_id(request.batch_id());
  std::vector<int> applied_positions;
  for (int i = 0; i < request.documents_size(); ++i) {
    const Document& document = request.documents(i);
    auto* result = response.add_results();
    result->set_id(document.id());
    if (document.id().empty()) {
      result->set_code(static_cast<int>(absl::StatusCode::kInvalidArgument));
      result->set_message(absl::StrCat("documents[", i, "].id is empty"));
      continue;
    }
    if (index_->IsUnchanged(document)) {
      result->set_unchanged(true);
      continue;
    }
    Document* copy = to_apply.add_documents();
    *copy = document;
    // The index stamps the version it stores; the log carries the stamp so
    // replay rebuilds the same document.
    *copy->mutable_ingested_at() = now;
    applied_positions.push_back(i);
  }
  if (to_apply.documents().empty()) return absl::OkStatus();
  if (log_ != nullptr) {
    absl::Status logged = log_->Append(LogRecordType::kUpsertBatch, to_apply.SerializeAsString());
    if (!logged.ok()) return logged;
  }
  for (size_t k = 0; k < applied_positions.size(); ++k) {
    auto document =
        std::make_unique<Document>(std::move(*to_apply.mutable_documents(static_cast<int>(k))));
    absl::StatusOr<bool> changed = index_->Upsert(std::move(document));
    if (!changed.ok()) {
      // Logged but refused by the index: replay refuses it the same way, so
      // the log and the index stay in agreement.
      auto* result = response.mutable_results(applied_positions[k]);
      result->set_code(static_cast<int>(changed.status().code()));
      result->set_message(
          absl::StrCat("documents[", applied_positions[k], "]: ", changed.status().message()));
    }
  }
  return absl::OkStatus();
}

absl::Status Indexer::Delete(const std::string& id) {
  if (id.empty()) return absl::InvalidArgumentError("id is empty");
  absl::ReleasableMutexLock lock(&mu_);
  if (!index_->Get(id).ok())
    return absl::NotFoundError(absl::StrCat("no document with id '", id, "'"));
  if (log_ != nullptr) {
    docsearch::v1::DeleteDocumentRequest record;
    record.set_id(id);
    absl::Status logged = log_->Append(LogRecordType::kDelete, record.SerializeAsString());
    if (!logged.ok()) return logged;
  }
  absl::Status deleted = index_->Delete(id);
  lock.Release();
  if (after_log_) after_log_();
  return deleted;
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
  for (Document& document : *batch.mutable_documents()) {
    // A document the index refused when it was written is refused again.
    index_->Upsert(std::make_unique<Document>(std::move(document))).IgnoreError();
  }
  return absl::OkStatus();
}

absl::Status Indexer::LoadDocument(Document document) {
  absl::StatusOr<bool> added = index_->Upsert(std::make_unique<Document>(std::move(document)));
  return added.status();
}

absl::StatusOr<uint64_t> Indexer::RotateLog() {
  absl::MutexLock lock(&mu_);
  if (log_ == nullptr) return absl::FailedPreconditionError("no log to rotate (memory only)");
  return log_->Rotate();
}

}  // namespace docsearch::query
