#include "tests/soak/soak_corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace docsearch::testing {

absl::StatusOr<std::vector<CorpusText>> LoadCorpusTexts(const std::vector<std::string>& folders) {
  std::vector<CorpusText> texts;
  for (const std::string& folder : folders) {
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const std::filesystem::path& file : files) {
      std::ifstream in(file, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      if (!text.str().empty()) texts.push_back({file.filename().string(), text.str()});
    }
  }
  if (texts.empty()) {
    return absl::NotFoundError(
        absl::StrCat("no .txt documents in any of: ", absl::StrJoin(folders, ", ")));
  }
  return texts;
}

std::string MarkerWord(int64_t number) { return absl::StrCat("soakmark", number, "x"); }

std::string WithMarker(absl::string_view text, int64_t number) {
  // A full sentence, so the parser keeps it as body text rather than
  // dropping it as a stray short line.
  return absl::StrCat(text, text.empty() || text.back() == '\n' ? "" : "\n",
                      "\nThe participants also recorded this statement in the archive under the "
                      "reference word ",
                      MarkerWord(number), " for later retrieval.\n");
}

}  // namespace docsearch::testing
