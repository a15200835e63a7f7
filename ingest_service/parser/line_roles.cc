#include "ingest_service/parser/line_roles.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace docsearch::ingest {
namespace {

constexpr absl::string_view kNames[kLineRoleCount] = {
    "body",      "furniture", "header",   "date",       "type_label",
    "reference", "title",     "subtitle", "head_other",
};

}  // namespace

absl::string_view LineRoleName(LineRole role) { return kNames[static_cast<int>(role)]; }

std::optional<LineRole> LineRoleFromName(absl::string_view name) {
  for (int r = 0; r < kLineRoleCount; ++r) {
    if (kNames[r] == name) return static_cast<LineRole>(r);
  }
  return std::nullopt;
}

std::optional<TitleLines> FindTitleLines(const std::vector<LineRole>& roles) {
  const auto first = std::find(roles.begin(), roles.end(), LineRole::kTitle);
  if (first == roles.end()) return std::nullopt;
  TitleLines title;
  title.begin = static_cast<size_t>(first - roles.begin());
  title.end = title.begin + 1;
  while (title.end < roles.size() && roles[title.end] == LineRole::kTitle) ++title.end;
  return title;
}

void MarkLateFurniture(size_t k, size_t line_index, std::vector<LineRole>* roles,
                       std::vector<size_t>* furniture) {
  if ((*roles)[k] == LineRole::kFurniture || (*roles)[k] == LineRole::kTitle) return;
  (*roles)[k] = LineRole::kFurniture;
  furniture->push_back(line_index);
}

}  // namespace docsearch::ingest
