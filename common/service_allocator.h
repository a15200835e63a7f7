// The allocator settings of a long-running service, made once at start.
//
// With tcmalloc (the default build, see the top-level CMakeLists.txt):
// free spans go back to the system at once ("aggressive decommit"), so a
// burst of large responses does not leave the process larger after their
// connections close. Without it (sanitizer builds, -DDOCSEARCH_TCMALLOC=OFF),
// glibc's malloc is told to map blocks of 1 MiB and more on their own, for
// the same reason: its default threshold grows to the largest block freed
// (up to 32 MiB), after which such blocks stay in the heap.
#ifndef DOCSEARCH_COMMON_SERVICE_ALLOCATOR_H_
#define DOCSEARCH_COMMON_SERVICE_ALLOCATOR_H_

#include <string_view>

namespace docsearch {

void ConfigureServiceAllocator();

// "tcmalloc" or "glibc": which allocator the service runs on, for its
// start-up log line.
std::string_view ServiceAllocatorName();

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_SERVICE_ALLOCATOR_H_
