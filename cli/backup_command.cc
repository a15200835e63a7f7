#include "cli/backup_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/json_output.h"
#include "cli/rpc_context.h"
#include "cli/unary_call.h"
#include "common/backup_manifest.h"
#include "common/crc32c.h"
#include "docsearch/v1/index_service.grpc.pb.h"

namespace docsearch::cli {
namespace {

absl::Status QueryServiceError(const CommandEnv& env, const grpc::Status& status) {
  return StatusFromRpc(status, "query service", env.connection.query_address,
                       env.connection.deadline);
}

absl::Status Errno(const std::string& what, const std::string& path) {
  return absl::InternalError(absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

absl::Status WriteDurably(const std::string& path, const std::string& data) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Errno("cannot create", path);
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t wrote = ::write(fd, data.data() + done, data.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) {
      ::close(fd);
      return Errno("cannot write", path);
    }
    done += static_cast<size_t>(wrote);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced ? absl::OkStatus() : Errno("cannot sync", path);
}

absl::Status SyncDirectory(const std::string& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Errno("cannot open", directory);
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced ? absl::OkStatus() : Errno("cannot sync", directory);
}

}  // namespace

absl::Status RunSnapshot(const CommandEnv& env) {
  auto stub = docsearch::v1::IndexService::NewStub(
      MakeChannel(env.connection, env.connection.query_address));
  absl::StatusOr<docsearch::v1::CreateSnapshotResponse> response = CallUnary(
      env, *stub, &docsearch::v1::IndexService::Stub::CreateSnapshot,
      docsearch::v1::CreateSnapshotRequest(), "query service", env.connection.query_address);
  if (!response.ok()) return response.status();
  if (env.json) return WriteJsonLine(*response, *env.out);
  *env.out << "snapshot generation " << response->generation() << ": " << response->document_count()
           << " documents, " << response->bytes() << " bytes\n";
  return absl::OkStatus();
}

absl::Status RunBackup(const CommandEnv& env, const std::string& directory) {
  std::error_code error;
  if (std::filesystem::exists(directory, error) && !std::filesystem::is_empty(directory, error)) {
    return absl::FailedPreconditionError(
        absl::StrCat(directory, " is not empty; a backup goes into a new folder"));
  }
  std::filesystem::create_directories(directory, error);
  if (error) {
    return absl::InternalError(absl::StrCat("cannot create ", directory, ": ", error.message()));
  }
  auto stub = docsearch::v1::IndexService::NewStub(
      MakeChannel(env.connection, env.connection.query_address));
  // A backup takes as long as the data takes to copy: no default deadline.
  grpc::ClientContext context;
  auto reader = stub->StreamBackup(&context, docsearch::v1::StreamBackupRequest());
  docsearch::v1::StreamBackupResponse chunk;
  BackupManifest manifest;
  std::string current;  // The file being written.
  int fd = -1;
  uint32_t crc = 0;
  int64_t size = 0;
  int64_t total = 0;
  absl::Status failure;
  while (failure.ok() && reader->Read(&chunk)) {
    manifest.snapshot_generation = chunk.snapshot_generation();
    manifest.document_count = chunk.snapshot_document_count();
    const std::string& name = chunk.file_name();
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == ".." ||
        name == kBackupManifestName) {
      failure = absl::DataLossError(absl::StrCat("the server sent a bad file name '", name, "'"));
      break;
    }
    const std::string path = directory + "/" + name;
    if (name != current) {
      if (fd >= 0) {
        failure = absl::DataLossError(absl::StrCat(current, " ended without its checksum"));
        break;
      }
      fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      if (fd < 0) {
        failure = Errno("cannot create", path);
        break;
      }
      current = name;
      crc = 0;
      size = 0;
    }
    const std::string& data = chunk.data();
    size_t done = 0;
    while (done < data.size()) {
      const ssize_t wrote = ::write(fd, data.data() + done, data.size() - done);
      if (wrote < 0 && errno == EINTR) continue;
      if (wrote < 0) break;
      done += static_cast<size_t>(wrote);
    }
    if (done < data.size()) {
      failure = Errno("cannot write", path);
      break;
    }
    crc = Crc32c(data, crc);
    size += static_cast<int64_t>(data.size());
    total += static_cast<int64_t>(data.size());
    if (chunk.last_chunk()) {
      const bool synced = ::fsync(fd) == 0;
      ::close(fd);
      fd = -1;
      if (!synced) {
        failure = Errno("cannot sync", path);
        break;
      }
      if (size != chunk.file_size() || crc != chunk.crc32c()) {
        failure = absl::DataLossError(absl::StrFormat(
            "%s arrived as %d bytes with CRC-32C %08x; the server sent %d bytes with %08x", name,
            size, crc, chunk.file_size(), chunk.crc32c()));
        break;
      }
      manifest.files.push_back({name, size, crc});
      *env.err << "backup: " << name << " " << size << " bytes\n";
      current.clear();
    }
  }
  if (fd >= 0) ::close(fd);
  if (!failure.ok()) {
    context.TryCancel();
    reader->Finish();
    return failure;
  }
  grpc::Status status = reader->Finish();
  if (!status.ok()) return QueryServiceError(env, status);
  if (manifest.files.empty() || !current.empty()) {
    return absl::DataLossError("the backup stream ended before its last file was complete");
  }
  // The manifest last, through a rename: a folder with a MANIFEST is a
  // finished backup.
  const std::string temporary = directory + "/" + kBackupManifestName + ".tmp";
  if (absl::Status written = WriteDurably(temporary, FormatBackupManifest(manifest));
      !written.ok()) {
    return written;
  }
  std::filesystem::rename(temporary, directory + "/" + kBackupManifestName, error);
  if (error)
    return absl::InternalError(absl::StrCat("cannot rename ", temporary, ": ", error.message()));
  if (absl::Status synced = SyncDirectory(directory); !synced.ok()) return synced;
  *env.out << "backup of snapshot generation " << manifest.snapshot_generation << " ("
           << manifest.document_count << " documents) and " << manifest.files.size() - 1
           << " logs: " << total << " bytes in " << directory << "\n";
  return absl::OkStatus();
}

}  // namespace docsearch::cli
