// A fresh directory for one cluster test's processes: their data, logs,
// port files and the NATS store. The cluster tests start several services
// and a NATS server each, so a directory left behind by every passing run
// fills the machine's temporary space run after run; one left by a failing
// run is what its reader needs.
#ifndef DOCSEARCH_TESTS_CLUSTER_SCRATCH_DIRECTORY_H_
#define DOCSEARCH_TESTS_CLUSTER_SCRATCH_DIRECTORY_H_

#include <filesystem>
#include <string>

#include "absl/strings/string_view.h"

namespace docsearch::testing {

class ScratchDirectory {
 public:
  // `name`-<pid> under the test's temporary directory, emptied if a
  // previous process with the same pid left it.
  explicit ScratchDirectory(absl::string_view name);
  // Removes the directory unless a test of this program has failed, in
  // which case it says where the directory was kept. Declare it before the
  // processes that write into it, so that they stop first.
  ~ScratchDirectory();
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string string() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_CLUSTER_SCRATCH_DIRECTORY_H_
