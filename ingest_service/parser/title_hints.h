// Where a page names its own headline outside the text: the words of its
// URL slug (`…/2016/04/04/remarks-president-and-secretary-general-stoltenberg`,
// `Declaration-finale-du-sommet-de-l-Otan_a106012.html`) and of its HTML
// <title>. Content-management systems of every kind build both from the
// headline, so the run of head lines whose words those hints repeat is the
// title, whatever banner the site prints above it ("Office of the Press
// Secretary", "Here's how you know"). A banner shares no words with the
// slug; the headline shares most of its words.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_HINTS_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_HINTS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"

namespace docsearch::ingest {

// The content words of a text for matching: accents and case folded, split
// at anything but a letter or digit, without function words (en, fr, de,
// es, it), one-letter pieces and tokens holding digits (dates, ids).
std::vector<std::string> ContentWords(absl::string_view text);

// The content words of the URL's slug: its last path segment (extension,
// query and fragment cut) when it holds three words or more joined by
// hyphens or underscores; empty otherwise (`p98-143e.htm`, `…/2017/09/25/`,
// `kiosque.php?type=bafr` name no headline).
std::vector<std::string> UrlSlugWords(absl::string_view uri);

// How well a candidate title's words agree with a hint's.
struct HintMatch {
  int matched = 0;  // Distinct hint words the candidate holds.
  int words = 0;    // Candidate content words.
  double Precision() const { return words == 0 ? 0 : static_cast<double>(matched) / words; }
};

// `hint` is a set of content words (any order); a plural "s" is ignored
// ("natos" in a slug matches "NATO’s").
HintMatch MatchHint(const std::vector<std::string>& hint, absl::string_view candidate);

// The hint's words as MatchHint compares them, for matching many candidates
// against one hint without reading it again for each.
absl::flat_hash_set<std::string> HintKeys(const std::vector<std::string>& hint);
// MatchHint(hint, candidate) for keys = HintKeys(hint).
HintMatch MatchHintKeys(const absl::flat_hash_set<std::string>& keys, absl::string_view candidate);

// A match strong enough to name the title: three content words or more
// found in the hint, and at least three quarters of the candidate's words.
bool IsStrongHintMatch(const HintMatch& match);

// MatchHintKeys(keys, candidate) when IsStrongHintMatch holds for it, else
// nullopt; a candidate with more content words than a strong match allows
// (4/3 of the keys) is read only that far.
std::optional<HintMatch> StrongHintMatch(const absl::flat_hash_set<std::string>& keys,
                                         absl::string_view candidate);

// The content words of `text`, in order, each as the entry of `keys` it
// matches, or null where it matches none: what MatchHintKeys reads of the
// text, looked up once. A text made of pieces joined by spaces has the
// pieces' words in order, so a run of lines can be matched from its lines'
// lookups without being joined and read again. Only the first
// 4 * keys.size() / 3 + 1 words are read (a text with more has no strong
// match), so a long line is not read whole.
std::vector<const std::string*> KeysOfContentWords(const absl::flat_hash_set<std::string>& keys,
                                                   absl::string_view text);

// StrongHintMatch(keys, text) for the text whose words' lookups are
// `pieces` (KeysOfContentWords of its pieces, in order); `key_count` is
// keys.size().
std::optional<HintMatch> StrongHintMatchOfKeys(
    size_t key_count, const std::vector<const std::vector<const std::string*>*>& pieces);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_HINTS_H_
