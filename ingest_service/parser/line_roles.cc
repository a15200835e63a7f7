#include "ingest_service/parser/line_roles.h"

#include <optional>

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

}  // namespace docsearch::ingest
