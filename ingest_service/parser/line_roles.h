// The roles a line of an archived document plays, as the line-role model
// (line_role_model.h) assigns them.
//
// The head of a document is a sequence of short lines whose meaning is
// visual: a site banner, the "Updated:" header, the date line, the printed
// type label ("Press Statement"), the reference ("Press Release (97)87"), the
// title and its subtitle, a byline or a place line, then the body. Furniture
// (menus, link lists, download sizes) can occur anywhere.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_LINE_ROLES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_LINE_ROLES_H_

#include <cstddef>
#include <optional>
#include <vector>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

enum class LineRole {
  kBody = 0,
  kFurniture,
  kHeader,
  kDate,
  kTypeLabel,
  kReference,
  kTitle,
  kSubtitle,
  kHeadOther,  // A byline, a place line, a stray head line: not body, not title.
};

inline constexpr int kLineRoleCount = 9;

// "body", "furniture", "header", "date", "type_label", "reference", "title",
// "subtitle", "head_other".
absl::string_view LineRoleName(LineRole role);

std::optional<LineRole> LineRoleFromName(absl::string_view name);

// The lines [begin, end) the title holds: the first run of kTitle roles.
struct TitleLines {
  size_t begin = 0;
  size_t end = 0;
};

// The title's lines in `roles`; nullopt when no line is the title.
std::optional<TitleLines> FindTitleLines(const std::vector<LineRole>& roles);

// For the readers after the model: makes feature line `k` furniture and
// adds its source line `line_index` to `furniture`; a line that is already
// furniture, or the title, stays as it is.
void MarkLateFurniture(size_t k, size_t line_index, std::vector<LineRole>* roles,
                       std::vector<size_t>* furniture);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_LINE_ROLES_H_
