// Turns the PATH arguments of `docsearch ingest` into raw documents.
//
// Two steps, so that the ingest command can stream a large archive without
// holding it in memory:
//   1. WalkPaths() lists the files to send: each argument that is a file, and
//      every regular file below each argument that is a folder (recursively,
//      sorted, hidden entries skipped). Problems such as a missing path or a
//      symlink pointing outside its folder become WalkErrors, not failures of
//      the whole walk.
//   2. ReadRawDocuments() reads one listed file and hands out its
//      RawDocuments: one per file, or one per non-empty line of a .jsonl file.
//
// Containment rule: a file found inside a folder argument is sent only if its
// real path (all symlinks resolved) is inside the folder's real path. A
// symlink (to a file or a folder) that leads elsewhere is refused, so
// `ingest archive/` can never send /etc/passwd because of a stray link in the
// archive. An argument that climbs back out of a folder it names
// ("archive/../../etc") is refused too: that shape comes from joining a root
// and an untrusted name, never from a person meaning it. A leading "../"
// ("../corpus") is a plain way to name a sibling folder and stays allowed.
//
// Checked is what is read: the walk records each file's identity (device and
// inode) and, for a file found in a folder, its real path. Reading opens
// that real path one component at a time from "/" with O_NOFOLLOW, so no
// symlink can be followed, and compares the opened file's identity with the
// recorded one. A file swapped for a symlink (or anything else) between the
// walk and the read is refused, not sent.
//
// source_uri: for a file argument, the path as given; for a file found in a
// folder, the path relative to that folder ("2001/statement.txt"), so ids
// derived from it stay the same wherever the archive is mounted. A JSON line
// gets no source_uri: the object names its own `id` and `source_uri`, which
// a source_uri sent beside it would override, and the ingest service derives
// ids from a URI's last path segment without its "#fragment", so every line
// of one file would get the same id and replace the one before. Without
// either field the service falls back to a content-hash id.
#ifndef DOCSEARCH_CLI_FILE_WALKER_H_
#define DOCSEARCH_CLI_FILE_WALKER_H_

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "docsearch/v1/ingest_service.pb.h"

namespace docsearch::cli {

// One file to send.
struct FoundFile {
  // Where to read it, as reachable from the working directory.
  std::filesystem::path path;
  // What to put in RawDocument.source_uri (see the file comment).
  std::string source_uri;
  docsearch::v1::ContentType content_type = docsearch::v1::CONTENT_TYPE_UNSPECIFIED;
  // True for .jsonl files, sent as one document per non-empty line.
  bool json_lines = false;
  // Set by WalkPaths (see the file comment): the file's real path when it
  // was found in a folder (empty for a file argument, which may be a
  // symlink the user named), and its identity when it was checked.
  std::filesystem::path real_path;
  struct Identity {
    dev_t device;
    ino_t inode;
  };
  std::optional<Identity> checked;
};

// A path that was not sent, and why.
struct WalkError {
  std::string path;
  absl::Status status;
};

struct WalkResult {
  std::vector<FoundFile> files;
  std::vector<WalkError> errors;
};

// The content type implied by a file name's extension (case-insensitive):
// .txt → TEXT, .html/.htm → HTML, .json/.jsonl → JSON, anything else →
// UNSPECIFIED (the server detects it).
docsearch::v1::ContentType ContentTypeForPath(const std::filesystem::path& path);

// Describes one file to send: its content type and whether it holds JSON
// lines, both from the extension.
FoundFile DescribeFile(std::filesystem::path path, std::string source_uri);

// Lists the files named by `arguments` (see the file comment). Never fails as
// a whole; everything that could not be listed is in `errors`.
WalkResult WalkPaths(const std::vector<std::string>& arguments);

// One raw document read from a local file.
struct LocalDocument {
  docsearch::v1::RawDocument raw;
  // 1-based line of a JSON line in its .jsonl file; 0 for a whole file.
  int line_number = 0;
};

// How people are shown where a document came from: the file path, plus
// "#<line>" for a JSON line.
std::string LocalLabel(const FoundFile& file, const LocalDocument& document);

// Reads `file` and calls `emit` with each of its raw documents in order.
// `emit` returns false to stop early. Fails when the file cannot be read,
// and with PERMISSION_DENIED when it is no longer the file that was checked
// (see the file comment).
absl::Status ReadRawDocuments(const FoundFile& file, absl::FunctionRef<bool(LocalDocument)> emit);

}  // namespace docsearch::cli

#endif  // DOCSEARCH_CLI_FILE_WALKER_H_
