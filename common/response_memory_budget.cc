#include "common/response_memory_budget.h"

#include "absl/strings/str_cat.h"

namespace docsearch {

bool ResponseMemoryBudget::TryReserve(int64_t bytes) {
  if (limit_bytes_ <= 0) return true;
  int64_t reserved = reserved_bytes_.load(std::memory_order_relaxed);
  do {
    if (reserved + bytes > limit_bytes_) return false;
  } while (!reserved_bytes_.compare_exchange_weak(reserved, reserved + bytes,
                                                  std::memory_order_relaxed));
  return true;
}

void ResponseMemoryBudget::Release(int64_t bytes) {
  if (limit_bytes_ <= 0) return;
  reserved_bytes_.fetch_sub(bytes, std::memory_order_relaxed);
}

ResponseReservation::~ResponseReservation() {
  if (reserved_bytes_ > 0) budget_->Release(reserved_bytes_);
}

grpc::Status ResponseReservation::ReserveResponse(const google::protobuf::Message& response,
                                                  const grpc::Status& status) {
  if (!status.ok() || budget_ == nullptr) return status;
  const int64_t held = 2 * static_cast<int64_t>(response.ByteSizeLong());
  // What was reserved ahead covers the building; the response's own two
  // copies replace it (more taken, or the excess given back).
  if (held > reserved_bytes_ && !budget_->TryReserve(held - reserved_bytes_)) {
    return RefusalStatus(held);
  }
  if (held < reserved_bytes_) budget_->Release(reserved_bytes_ - held);
  reserved_bytes_ = held;
  return status;
}

bool ResponseReservation::ReserveAhead(int64_t bytes) {
  if (budget_ == nullptr || bytes <= 0) return true;
  if (!budget_->TryReserve(bytes)) return false;
  reserved_bytes_ += bytes;
  return true;
}

grpc::Status ResponseReservation::RefusalStatus(int64_t bytes) const {
  return grpc::Status(
      grpc::StatusCode::RESOURCE_EXHAUSTED,
      absl::StrCat("a ", bytes / 2,
                   "-byte response does not fit the server's budget for "
                   "responses not yet read by their clients (",
                   budget_->reserved_bytes(), " of ", budget_->limit_bytes(),
                   " bytes in use, --max_response_memory_bytes); retry after a short wait"));
}

}  // namespace docsearch
