#include "query_service/replica/applied_positions.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace docsearch::query {
namespace {

constexpr char kHeader[] = "docsearch cluster positions 1";

absl::Status ErrnoError(absl::string_view action, const std::string& path) {
  return absl::InternalError(absl::StrCat(action, " ", path, ": ", std::strerror(errno)));
}

absl::Status SyncPath(const std::string& path, int flags) {
  const int fd = open(path.c_str(), flags);
  if (fd < 0) return ErrnoError("opening", path);
  const int synced = fsync(fd);
  close(fd);
  if (synced != 0) return ErrnoError("syncing", path);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<AppliedPositions> ReadAppliedPositions(const std::string& path) {
  std::ifstream file(path);
  AppliedPositions positions;
  if (!file.is_open()) {
    if (errno == ENOENT) return positions;
    return ErrnoError("reading", path);
  }
  std::string line;
  if (!std::getline(file, line) || line != kHeader) {
    return absl::DataLossError(absl::StrCat(path, " does not start with '", kHeader, "'"));
  }
  while (std::getline(file, line)) {
    if (line.empty()) continue;
    std::vector<absl::string_view> parts = absl::StrSplit(line, ' ');
    uint32_t shard = 0;
    uint64_t sequence = 0;
    if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &shard) ||
        !absl::SimpleAtoi(parts[1], &sequence)) {
      return absl::DataLossError(absl::StrCat(path, ": line '", line, "' is not 'shard sequence'"));
    }
    positions[shard] = sequence;
  }
  return positions;
}

absl::Status WriteAppliedPositions(const std::string& path, const AppliedPositions& positions) {
  std::string text = absl::StrCat(kHeader, "\n");
  for (const auto& [shard, sequence] : positions)
    absl::StrAppend(&text, shard, " ", sequence, "\n");
  const std::string temporary = path + ".tmp";
  const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoError("creating", temporary);
  const ssize_t written = write(fd, text.data(), text.size());
  const int synced = written == static_cast<ssize_t>(text.size()) ? fsync(fd) : -1;
  close(fd);
  if (synced != 0) return ErrnoError("writing", temporary);
  if (rename(temporary.c_str(), path.c_str()) != 0) return ErrnoError("renaming to", path);
  const size_t slash = path.rfind('/');
  return SyncPath(slash == std::string::npos ? "." : path.substr(0, slash),
                  O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

}  // namespace docsearch::query
