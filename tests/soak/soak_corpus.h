// Real document texts for load generation, each made unique by a marker.
//
// The soak ingests many copies of a small corpus under distinct ids. A
// marker sentence appended to each copy gives every copy its own content
// hash and a word no other copy has, so a search for that word proves the
// copy is indexed (not only stored) and that no stale version answers.
#ifndef DOCSEARCH_TESTS_SOAK_SOAK_CORPUS_H_
#define DOCSEARCH_TESTS_SOAK_SOAK_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docsearch::testing {

struct CorpusText {
  std::string name;  // File name, for messages.
  std::string text;
};

// The *.txt files of every folder in `folders` that exists, sorted by name
// within each folder. NOT_FOUND when there is not one text in any of them.
absl::StatusOr<std::vector<CorpusText>> LoadCorpusTexts(const std::vector<std::string>& folders);

// The single search word that marks copy `number` (letters and digits, so
// the analyzer keeps it as one token).
std::string MarkerWord(int64_t number);

// `text` with a last paragraph carrying MarkerWord(number).
std::string WithMarker(absl::string_view text, int64_t number);

}  // namespace docsearch::testing

#endif  // DOCSEARCH_TESTS_SOAK_SOAK_CORPUS_H_
