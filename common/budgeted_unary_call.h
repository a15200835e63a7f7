// A unary call finished on gRPC's default reactor with its response
// counted against the server's response memory budget.
//
// Why: a reactor of our own, only to give the response's memory back in
// OnDone, cost a thread hand-off per call (gRPC 1.51 runs a non-default
// reactor's OnDone on its executor thread). The reservation lives in the
// call's message holder instead (common/request_decoding.h), which gRPC
// releases when it is done with the call.
#ifndef DOCSEARCH_COMMON_BUDGETED_UNARY_CALL_H_
#define DOCSEARCH_COMMON_BUDGETED_UNARY_CALL_H_

#include <google/protobuf/message.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/server_callback.h>
#include <grpcpp/support/status.h>

#include <cstdint>

#include "common/response_memory_budget.h"

namespace docsearch {

// The response reservation of a call whose method was registered with
// DecodingUnaryHandler (null for any other call).
inline ResponseReservation* ResponseReservationOf(grpc::CallbackServerContext* context) {
  return dynamic_cast<ResponseReservation*>(context->GetRpcAllocatorState());
}

// A unary call of a method registered with DecodingUnaryHandler
// (common/request_decoding.h), finished on gRPC's default reactor with its
// response counted against `budget` until gRPC is done with the call
// (ResponseReservation). Make one at the top of the handler and return
// reactor(). A call of a method registered otherwise has no reservation
// and is not counted.
class BudgetedUnaryCall {
 public:
  BudgetedUnaryCall(grpc::CallbackServerContext* context, ResponseMemoryBudget* budget)
      : reactor_(context->DefaultReactor()), reservation_(ResponseReservationOf(context)) {
    if (reservation_ != nullptr) reservation_->set_budget(budget);
  }

  grpc::ServerUnaryReactor* reactor() const { return reactor_; }

  // Finishes with `status`; when it is OK, first reserves the memory
  // `response` will hold and finishes RESOURCE_EXHAUSTED instead when the
  // budget cannot take it.
  void FinishResponse(const google::protobuf::Message& response, const grpc::Status& status) {
    reactor_->Finish(reservation_ == nullptr ? status
                                             : reservation_->ReserveResponse(response, status));
  }
  void Finish(const grpc::Status& status) { reactor_->Finish(status); }

  // ResponseReservation::ReserveAhead and RefusalStatus.
  bool ReserveAhead(int64_t bytes) {
    return reservation_ == nullptr || reservation_->ReserveAhead(bytes);
  }
  grpc::Status RefusalStatus(int64_t bytes) const { return reservation_->RefusalStatus(bytes); }

 private:
  grpc::ServerUnaryReactor* const reactor_;
  ResponseReservation* const reservation_;
};

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_BUDGETED_UNARY_CALL_H_
