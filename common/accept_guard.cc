#include "common/accept_guard.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <mutex>

namespace docsearch {
namespace {

struct Reserve {
  std::mutex mu;
  int fd = -1;  // Guarded by mu.
  std::atomic<long> shed{0};
};

Reserve& TheReserve() {
  static Reserve* const reserve = new Reserve();  // Never destroyed: used until exit.
  return *reserve;
}

int OpenReserve() { return open("/dev/null", O_RDONLY | O_CLOEXEC); }

int KernelAccept4(int fd, sockaddr* address, socklen_t* length, int flags) {
  return static_cast<int>(syscall(SYS_accept4, fd, address, length, flags));
}

}  // namespace

void InstallAcceptGuard() {
  Reserve& reserve = TheReserve();
  std::lock_guard<std::mutex> lock(reserve.mu);
  if (reserve.fd < 0) reserve.fd = OpenReserve();
}

long ConnectionsShedForDescriptors() { return TheReserve().shed.load(); }

}  // namespace docsearch

// Interposes the C library's accept4 (see accept_guard.h).
extern "C" int accept4(int fd, sockaddr* address, socklen_t* length, int flags) {
  const int accepted = docsearch::KernelAccept4(fd, address, length, flags);
  if (accepted >= 0 || (errno != EMFILE && errno != ENFILE)) return accepted;
  docsearch::Reserve& reserve = docsearch::TheReserve();
  std::lock_guard<std::mutex> lock(reserve.mu);
  while (reserve.fd >= 0) {
    close(reserve.fd);
    const int shed = docsearch::KernelAccept4(fd, nullptr, nullptr, SOCK_CLOEXEC);
    const int accept_errno = errno;
    if (shed >= 0) {
      close(shed);
      reserve.shed.fetch_add(1);
    }
    reserve.fd = docsearch::OpenReserve();
    if (shed < 0 && accept_errno != EINTR) break;  // The queue is empty (EAGAIN) or worse.
  }
  if (reserve.fd < 0) reserve.fd = docsearch::OpenReserve();
  errno = EAGAIN;
  return -1;
}
