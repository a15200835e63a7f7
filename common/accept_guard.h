// Keeps gRPC's listener accepting when the process runs out of descriptors.
//
// gRPC 1.51 (Debian 12) treats an accept4 failure other than EAGAIN,
// ECONNABORTED or EINTR as fatal for the listening port: on EMFILE it logs
// "Failed accept4: Too many open files" and never listens on that port
// again, so a flood of half-open connections stopped the server for good,
// even after every one of them was closed (gRPC 1.53 retries instead).
//
// This file defines accept4 for the server executables; the dynamic linker
// binds gRPC's call to it (an executable's own definitions come first). It
// calls the kernel's accept4 and, when that fails for lack of descriptors,
// sheds the waiting connections: it frees one reserved descriptor, accepts
// a connection, closes it at once (that client sees a reset and may retry),
// takes the reserve back, and repeats until the queue is empty. It then
// answers EAGAIN, which gRPC takes as "wait for the next connection". When
// descriptors free up, connections are accepted again as before.
//
// The reserve is process-wide state by nature (the descriptor table is),
// kept behind a mutex.
#ifndef DOCSEARCH_COMMON_ACCEPT_GUARD_H_
#define DOCSEARCH_COMMON_ACCEPT_GUARD_H_

namespace docsearch {

// Opens the reserved descriptor (and links the guard into the program).
// Idempotent; call before the server listens (GrpcServer::Start does).
void InstallAcceptGuard();

// How many connections the guard has shed for lack of descriptors.
long ConnectionsShedForDescriptors();

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_ACCEPT_GUARD_H_
