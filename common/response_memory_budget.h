// A budget for the memory that unary responses hold until their clients
// have read them.
//
// Why: gRPC serializes a unary response when the handler finishes and keeps
// the bytes (and the handler's response message) until the client has
// taken them or the call ends. A client that asks for a large response and
// never reads it (a zero HTTP/2 flow-control window) holds all of that for
// as long as its connection stays open, and gRPC's resource quota does not
// count it: forty unread 16 MB documents cost the query service 1.2 GB. The
// budget counts each response while its call is open and refuses a
// response that would pass it with RESOURCE_EXHAUSTED and retry advice, so
// the memory held stays under the budget whatever clients do.
#ifndef DOCSEARCH_COMMON_RESPONSE_MEMORY_BUDGET_H_
#define DOCSEARCH_COMMON_RESPONSE_MEMORY_BUDGET_H_

#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>

#include <atomic>
#include <cstdint>

namespace docsearch {

class ResponseMemoryBudget {
 public:
  // `limit_bytes` <= 0 turns the budget off (everything is admitted).
  explicit ResponseMemoryBudget(int64_t limit_bytes) : limit_bytes_(limit_bytes) {}

  // Takes `bytes` from the budget; false (nothing taken) when that would
  // pass the limit.
  bool TryReserve(int64_t bytes);
  void Release(int64_t bytes);

  int64_t limit_bytes() const { return limit_bytes_; }
  int64_t reserved_bytes() const { return reserved_bytes_.load(std::memory_order_relaxed); }

 private:
  const int64_t limit_bytes_;
  std::atomic<int64_t> reserved_bytes_{0};
};

// One unary call's response, counted against a budget from when the call
// is finished until gRPC is done with the call (the client read it, or the
// call was cancelled or its connection closed): gRPC then releases the
// call's messages, and the reservation with them. It lives in the call's
// message holder (common/request_decoding.h), not in a reactor of its own,
// so that the call can finish on gRPC's default reactor, whose end runs on
// the thread that completes the call instead of waking another thread for
// it (one thread hand-off less per call; BENCHMARKS.md, "The RPC layer's own
// cost"). A null budget admits everything. Not thread-safe: one call's
// handler uses it, then gRPC destroys it.
class ResponseReservation {
 public:
  ResponseReservation() = default;
  ResponseReservation(const ResponseReservation&) = delete;
  ResponseReservation& operator=(const ResponseReservation&) = delete;
  ~ResponseReservation();

  // Set by the handler before anything is reserved.
  void set_budget(ResponseMemoryBudget* budget) { budget_ = budget; }

  // Reserves the memory `response` will hold when `status` is OK (the
  // message and its serialized copy, so twice its size) and returns the
  // status to finish with: `status`, or RESOURCE_EXHAUSTED when the budget
  // cannot take the response.
  grpc::Status ReserveResponse(const google::protobuf::Message& response,
                               const grpc::Status& status);

  // Reserves `bytes` before the response is built, for a handler that knows
  // its response will be large (a stored document): the copies it makes
  // while building count from the start, and a refused call never makes
  // them. False (nothing taken): finish with RefusalStatus(bytes).
  // ReserveResponse then trades this reservation for the response's own.
  bool ReserveAhead(int64_t bytes);
  grpc::Status RefusalStatus(int64_t bytes) const;

 private:
  ResponseMemoryBudget* budget_ = nullptr;
  int64_t reserved_bytes_ = 0;
};

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_RESPONSE_MEMORY_BUDGET_H_
