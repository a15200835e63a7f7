#include "common/service_allocator.h"

#ifdef DOCSEARCH_WITH_TCMALLOC
#include <gperftools/malloc_extension.h>
#else
#include <malloc.h>
#endif

namespace docsearch {

void ConfigureServiceAllocator(FreeMemoryRelease release) {
#ifdef DOCSEARCH_WITH_TCMALLOC
  // Measured with forty unread 16 MB responses (CallLimitsTest): without
  // this, tcmalloc keeps freed spans for reuse and releases them slowly.
  MallocExtension::instance()->SetNumericProperty("tcmalloc.aggressive_memory_decommit",
                                                  release == FreeMemoryRelease::kAtOnce ? 1 : 0);
#else
  (void)release;
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
}

std::string_view ServiceAllocatorName() {
#ifdef DOCSEARCH_WITH_TCMALLOC
  return "tcmalloc";
#else
  return "glibc";
#endif
}

}  // namespace docsearch
