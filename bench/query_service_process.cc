#include "bench/query_service_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace docsearch::bench {
namespace {

void StopProcess(pid_t pid) {
  kill(pid, SIGTERM);
  for (int i = 0; i < 100; ++i) {
    if (waitpid(pid, nullptr, WNOHANG) == pid) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

}  // namespace

absl::StatusOr<std::unique_ptr<QueryServiceProcess>> QueryServiceProcess::Start(
    const std::string& binary, const std::string& name) {
  std::string directory_template = absl::StrCat("/tmp/docsearch-", name, "-XXXXXX");
  std::vector<char> buffer(directory_template.begin(), directory_template.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) {
    return absl::InternalError(absl::StrCat("cannot create ", directory_template));
  }
  const std::string directory = buffer.data();
  const std::string port_file = directory + "/port";
  const std::string log_file = directory + "/server.log";
  const std::string port_flag = "--port_file=" + port_file;
  const pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    FILE* log = std::fopen(log_file.c_str(), "w");
    if (log != nullptr) {
      dup2(fileno(log), 1);
      dup2(fileno(log), 2);
    }
    execl(binary.c_str(), binary.c_str(), "--listen=127.0.0.1:0", port_flag.c_str(),
          "--data_dir=", static_cast<char*>(nullptr));
    _exit(127);
  }
  int port = 0;
  for (int i = 0; i < 300 && port == 0; ++i) {
    std::ifstream in(port_file);
    if (!(in >> port)) port = 0;
    if (port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (port == 0) {
    StopProcess(pid);
    return absl::UnavailableError(
        absl::StrCat(binary, " did not write ", port_file, " (log: ", log_file, ")"));
  }
  return std::unique_ptr<QueryServiceProcess>(new QueryServiceProcess(pid, port, log_file));
}

QueryServiceProcess::~QueryServiceProcess() { StopProcess(pid_); }

std::string QueryServiceProcess::address() const { return absl::StrCat("127.0.0.1:", port_); }

double QueryServiceProcess::RssMiB() const {
  std::ifstream in(absl::StrCat("/proc/", pid_, "/status"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
  }
  return 0;
}

}  // namespace docsearch::bench
