#include "cli/file_walker.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace docsearch::cli {
namespace {

namespace fs = std::filesystem;
using docsearch::v1::ContentType;

bool IsJsonLines(const fs::path& path) {
  return absl::AsciiStrToLower(path.extension().string()) == ".jsonl";
}

// True when `real` is `root` or below it. Both must be canonical.
bool IsInside(const fs::path& real, const fs::path& root) {
  auto [root_end, real_it] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  return root_end == root.end();
}

// True when a ".." follows a normal component ("a/../b", "a/b/../../c"):
// the path names a folder and then climbs out of it.
bool ClimbsOutOfAFolder(const fs::path& path) {
  bool seen_normal = false;
  for (const fs::path& component : path.relative_path()) {
    if (component == "..") {
      if (seen_normal) return true;
    } else if (component != "." && !component.empty()) {
      seen_normal = true;
    }
  }
  return false;
}

bool IsHidden(const fs::path& name) {
  const std::string text = name.string();
  return !text.empty() && text[0] == '.';
}

absl::Status StatusFromErrorCode(const std::error_code& error, absl::string_view what) {
  if (error == std::errc::no_such_file_or_directory) {
    return absl::NotFoundError(absl::StrCat(what, ": ", error.message()));
  }
  if (error == std::errc::permission_denied) {
    return absl::PermissionDeniedError(absl::StrCat(what, ": ", error.message()));
  }
  return absl::UnknownError(absl::StrCat(what, ": ", error.message()));
}

std::optional<FoundFile::Identity> IdentityOf(const fs::path& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return std::nullopt;
  return FoundFile::Identity{info.st_dev, info.st_ino};
}

struct CloseFile {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using FileHandle = std::unique_ptr<std::FILE, CloseFile>;

// Opens the absolute path `real` one component at a time from "/" without
// following any symlink (O_NOFOLLOW at every step); -1 with errno set
// (ELOOP or ENOTDIR when a component has become a symlink).
int OpenWithoutSymlinks(const fs::path& real) {
  int folder = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (folder < 0) return -1;
  std::vector<fs::path> components(std::next(real.begin()), real.end());
  for (size_t i = 0; i < components.size(); ++i) {
    const bool last = i + 1 == components.size();
    // O_NONBLOCK: a FIFO swapped in must not block the open; the caller
    // refuses anything that is not a regular file.
    const int flags = last ? O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK
                           : O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    const int next = openat(folder, components[i].c_str(), flags);
    const int open_errno = errno;
    close(folder);
    if (next < 0) {
      errno = open_errno;
      return -1;
    }
    folder = next;
  }
  return folder;
}

// Opens `file` for reading, checking that it is still the file the walk
// checked (see file_walker.h).
absl::StatusOr<FileHandle> OpenChecked(const FoundFile& file) {
  const int fd = file.real_path.empty()
                     ? open(file.path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
                     : OpenWithoutSymlinks(file.real_path);
  if (fd < 0) {
    if (errno == ELOOP || errno == ENOTDIR) {
      return absl::PermissionDeniedError(
          absl::StrCat(file.path.string(), " became a symlink after it was checked; skipped"));
    }
    return StatusFromErrorCode(std::error_code(errno, std::generic_category()),
                               absl::StrCat("cannot open ", file.path.string()));
  }
  struct stat info {};
  const bool same = fstat(fd, &info) == 0 && S_ISREG(info.st_mode) &&
                    (!file.checked.has_value() ||
                     (info.st_dev == file.checked->device && info.st_ino == file.checked->inode));
  if (!same) {
    close(fd);
    return absl::PermissionDeniedError(absl::StrCat(
        file.path.string(), " is no longer the file that was checked (replaced); skipped"));
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::FILE* stream = fdopen(fd, "rb");
  if (stream == nullptr) {
    close(fd);
    return absl::InternalError(absl::StrCat("cannot read ", file.path.string()));
  }
  return FileHandle(stream);
}

// Walks one folder argument. Keeps the set of real folders already visited,
// so a symlink pointing back up the tree cannot loop forever.
class FolderWalker {
 public:
  FolderWalker(fs::path root, WalkResult& result) : root_(std::move(root)), result_(result) {}

  void Walk() {
    std::error_code error;
    root_real_ = fs::canonical(root_, error);
    if (error) {
      AddError(root_, StatusFromErrorCode(error, "cannot resolve folder"));
      return;
    }
    visited_.insert(root_real_);
    Visit(root_, fs::path());
  }

 private:
  void Visit(const fs::path& folder, const fs::path& relative) {
    std::error_code error;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
      entries.push_back(*it);
    }
    if (error) {
      AddError(folder, StatusFromErrorCode(error, "cannot list folder"));
      return;
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    for (const fs::directory_entry& entry : entries) {
      const fs::path name = entry.path().filename();
      if (IsHidden(name)) continue;
      VisitEntry(entry.path(), relative / name);
    }
  }

  void VisitEntry(const fs::path& path, const fs::path& relative) {
    std::error_code error;
    const fs::path real = fs::canonical(path, error);
    if (error) {
      // canonical() fails on a dangling symlink.
      AddError(path, StatusFromErrorCode(error, "cannot resolve path (broken symlink?)"));
      return;
    }
    if (!IsInside(real, root_real_)) {
      AddError(path, absl::PermissionDeniedError(absl::StrCat("symlink leads outside the folder ",
                                                              root_.string(), " (to ",
                                                              real.string(), "); skipped")));
      return;
    }
    const fs::file_status status = fs::status(path, error);
    if (error) {
      AddError(path, StatusFromErrorCode(error, "cannot read file status"));
      return;
    }
    if (fs::is_directory(status)) {
      // A second way into a folder already walked (a symlink inside the
      // tree) would only send the same files again, or loop.
      if (visited_.insert(real).second) Visit(path, relative);
      return;
    }
    if (!fs::is_regular_file(status)) {
      AddError(path, absl::InvalidArgumentError("not a regular file; skipped"));
      return;
    }
    FoundFile file = DescribeFile(path, relative.generic_string());
    file.real_path = real;
    // The identity of the real path, which has no symlinks in it: if the
    // file there was swapped since canonical(), reading it refuses.
    file.checked = IdentityOf(real);
    if (!file.checked.has_value()) {
      AddError(path, StatusFromErrorCode(std::error_code(errno, std::generic_category()),
                                         "cannot read file status"));
      return;
    }
    result_.files.push_back(std::move(file));
  }

  void AddError(const fs::path& path, absl::Status status) {
    result_.errors.push_back(WalkError{path.string(), std::move(status)});
  }

  const fs::path root_;
  fs::path root_real_;
  std::set<fs::path> visited_;
  WalkResult& result_;
};

}  // namespace

ContentType ContentTypeForPath(const fs::path& path) {
  const std::string extension = absl::AsciiStrToLower(path.extension().string());
  if (extension == ".txt") return docsearch::v1::CONTENT_TYPE_TEXT;
  if (extension == ".html" || extension == ".htm") return docsearch::v1::CONTENT_TYPE_HTML;
  if (extension == ".json" || extension == ".jsonl") return docsearch::v1::CONTENT_TYPE_JSON;
  return docsearch::v1::CONTENT_TYPE_UNSPECIFIED;
}

FoundFile DescribeFile(fs::path path, std::string source_uri) {
  FoundFile file;
  file.content_type = ContentTypeForPath(path);
  file.json_lines = IsJsonLines(path);
  file.path = std::move(path);
  file.source_uri = std::move(source_uri);
  return file;
}

WalkResult WalkPaths(const std::vector<std::string>& arguments) {
  WalkResult result;
  for (const std::string& argument : arguments) {
    const fs::path path(argument);
    if (ClimbsOutOfAFolder(path)) {
      result.errors.push_back(WalkError{
          argument, absl::InvalidArgumentError("the path climbs out of a folder with \"..\"; "
                                               "name the file or folder directly")});
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      result.errors.push_back(WalkError{argument, absl::NotFoundError("no such file or folder")});
      continue;
    }
    if (fs::is_directory(status)) {
      FolderWalker(path, result).Walk();
    } else if (fs::is_regular_file(status)) {
      FoundFile file = DescribeFile(path, path.lexically_normal().generic_string());
      file.checked = IdentityOf(path);
      result.files.push_back(std::move(file));
    } else {
      result.errors.push_back(
          WalkError{argument, absl::InvalidArgumentError("not a regular file or folder")});
    }
  }
  return result;
}

std::string LocalLabel(const FoundFile& file, const LocalDocument& document) {
  if (document.line_number == 0) return file.path.string();
  return absl::StrCat(file.path.string(), "#", document.line_number);
}

absl::Status ReadRawDocuments(const FoundFile& file, absl::FunctionRef<bool(LocalDocument)> emit) {
  absl::StatusOr<FileHandle> opened = OpenChecked(file);
  if (!opened.ok()) return opened.status();
  std::FILE* input = opened->get();
  if (!file.json_lines) {
    LocalDocument document;
    std::string content;
    char buffer[1 << 16];
    for (size_t got; (got = std::fread(buffer, 1, sizeof(buffer), input)) > 0;) {
      content.append(buffer, got);
    }
    if (std::ferror(input)) {
      return absl::DataLossError(absl::StrCat("cannot read ", file.path.string()));
    }
    document.raw.set_content(std::move(content));
    document.raw.set_content_type(file.content_type);
    document.raw.set_source_uri(file.source_uri);
    emit(std::move(document));
    return absl::OkStatus();
  }
  char* raw_line = nullptr;
  size_t capacity = 0;
  const std::unique_ptr<char*, void (*)(char**)> line_buffer(&raw_line,
                                                             [](char** p) { std::free(*p); });
  for (int line_number = 1;; ++line_number) {
    const ssize_t length = getline(&raw_line, &capacity, input);
    if (length < 0) break;
    std::string line(raw_line, static_cast<size_t>(length));
    if (!line.empty() && line.back() == '\n') line.pop_back();
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    LocalDocument document;
    document.raw.set_content(std::move(line));
    document.raw.set_content_type(docsearch::v1::CONTENT_TYPE_JSON);
    document.line_number = line_number;
    if (!emit(std::move(document))) return absl::OkStatus();
  }
  if (std::ferror(input)) {
    return absl::DataLossError(absl::StrCat("cannot read ", file.path.string()));
  }
  return absl::OkStatus();
}

}  // namespace docsearch::cli
