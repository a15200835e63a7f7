// The rule for document ids, enforced wherever an id is stored (the ingest
// service, for ids given or derived, and IndexService.Write).
//
// An id is 1 to 512 bytes of valid UTF-8 with no control characters (C0,
// DEL, C1: NUL, newline, tab...) and no bidirectional-override or
// -isolate characters (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F,
// U+061C), which can make one id display as another. The length bound keeps
// every acknowledgement, log record and error message that carries an id
// small; the character rule keeps ids safe to print and to use as keys.
// Ids that look like paths ("../../etc/passwd") are fine: an id is never a
// file name.
#ifndef DOCSEARCH_COMMON_DOCUMENT_ID_H_
#define DOCSEARCH_COMMON_DOCUMENT_ID_H_

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace docsearch {

inline constexpr size_t kMaxDocumentIdBytes = 512;

// OK, or INVALID_ARGUMENT "<field>: ..." saying which rule `id` breaks (the
// id itself echoed truncated).
absl::Status CheckDocumentId(absl::string_view id, absl::string_view field);

}  // namespace docsearch

#endif  // DOCSEARCH_COMMON_DOCUMENT_ID_H_
