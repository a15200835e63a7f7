// The allocator settings of a long-running service, made once at start.
//
// With tcmalloc (the default build, see the top-level CMakeLists.txt), the
// service chooses when free spans go back to the system:
// - kAtOnce ("aggressive decommit"): a burst of large responses does not
//   leave the process larger after their connections close. The query
//   service's choice: it answers 16 MB documents to slow readers.
// - kGradually: tcmalloc's default pace. The ingest service's choice: the
//   parser and CLD2 allocate and free large buffers for every long
//   document, and giving them back at once made each parse fault them in
//   again (a State of the Union address parsed 1.5x slower; BENCHMARKS.md,
//   "Parsing").
// Without tcmalloc (sanitizer builds, -DDOCSEARCH_TCMALLOC=OFF), glibc's
// malloc is told to map blocks of 1 MiB and more on their own, for the
// first reason: its default threshold grows to the largest block freed (up
// to 32 MiB), after which such blocks stay in the heap.
#ifndef DOCSEARCH_COMMON_SERVICE_ALLOCATOR_H_
#define DOCSEARCH_COMMON_SERVICE_ALLOCATOR_H_

#include <string_view>

namespace docsearch {

enum class FreeMemoryRelease { kAtOnce, kGradually };

void ConfigureServiceAllocator(FreeMemoryRelease release);

// "tcmalloc" or "glibc": which allocator the service runs on, for its
// start-up log line.
std::string_view ServiceAllocatorName();

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_SERVICE_ALLOCATOR_H_
