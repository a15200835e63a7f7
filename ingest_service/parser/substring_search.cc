#include "ingest_service/parser/substring_search.h"

#include <vector>

namespace docsearch::ingest {

size_t FindLinear(absl::string_view text, absl::string_view piece, std::vector<size_t>* failure) {
  if (piece.empty()) return 0;
  // failure[i]: the length of the longest proper prefix of piece[0, i] that
  // is also its suffix.
  failure->assign(piece.size(), 0);
  for (size_t i = 1, k = 0; i < piece.size(); ++i) {
    while (k > 0 && piece[i] != piece[k]) k = (*failure)[k - 1];
    if (piece[i] == piece[k]) ++k;
    (*failure)[i] = k;
  }
  for (size_t i = 0, k = 0; i < text.size(); ++i) {
    while (k > 0 && text[i] != piece[k]) k = (*failure)[k - 1];
    if (text[i] == piece[k]) ++k;
    if (k == piece.size()) return i + 1 - k;
  }
  return absl::string_view::npos;
}

bool ContainsLinear(absl::string_view text, absl::string_view piece) {
  if (piece.size() > text.size()) return false;
  // Below these sizes find's worst case (text size times piece size) is
  // small, and its memchr and memcmp are faster than the byte loop.
  constexpr size_t kShortPiece = 64;
  constexpr size_t kShortText = 4096;
  if (piece.size() <= kShortPiece || text.size() <= kShortText) {
    return text.find(piece) != absl::string_view::npos;
  }
  std::vector<size_t> failure;
  return FindLinear(text, piece, &failure) != absl::string_view::npos;
}

}  // namespace docsearch::ingest
