#include "ingest_service/parser/title_hints.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

// Function words of the archive's languages: they say nothing about which
// line a slug was made from.
bool IsFunctionWord(absl::string_view word) {
  static const auto* const kWords = new absl::flat_hash_set<absl::string_view>{
      // English
      "the", "of", "and", "on", "in", "at", "to", "by", "for", "with", "from", "a", "an", "its",
      "is", "are", "as", "or", "after", "into", "over", "about", "this", "that",
      // French
      "le", "la", "les", "de", "du", "des", "et", "en", "au", "aux", "sur", "par", "pour", "un",
      "une", "dans", "avec",
      // German
      "der", "die", "das", "den", "dem", "und", "zum", "zur", "von", "im", "auf", "mit", "fur",
      // Spanish, Italian
      "el", "los", "las", "del", "y", "con", "por", "il", "lo", "gli", "della", "di", "e", "per"};
  return kWords->contains(word);
}

absl::string_view Singular(absl::string_view word) {
  if (word.size() > 3 && absl::EndsWith(word, "s")) word.remove_suffix(1);
  return word;
}

// Calls `visit` with each content word of `text` (see ContentWords), in
// order, until it returns false; the view lasts until the next call.
//
// The text is folded a piece at a time, each piece ending at an ASCII space
// (or the text's end), so that a reader stopping early folds little of a
// long text. This gives the words of the whole text's fold: the fold maps
// each code point on its own, a space never sits inside a code point, and
// both a space and the fold's white space split words.
template <typename Visit>
void ForEachContentWord(absl::string_view text, Visit visit) {
  constexpr size_t kPiece = 64;
  std::string word;
  // Whether to go on.
  auto flush = [&] {
    bool digit = false;
    for (char c : word) digit |= absl::ascii_isdigit(static_cast<unsigned char>(c));
    bool more = true;
    if (word.size() >= 2 && !digit && !IsFunctionWord(word)) more = visit(absl::string_view(word));
    word.clear();
    return more;
  };
  while (!text.empty()) {
    size_t cut = text.size();
    if (text.size() > kPiece) {
      cut = text.find(' ', kPiece);
      cut = cut == absl::string_view::npos ? text.size() : cut + 1;
    }
    const std::string folded = FoldAccents(text.substr(0, cut));
    text.remove_prefix(cut);
    for (char c : folded) {
      const unsigned char u = static_cast<unsigned char>(c);
      // Bytes of letters the folding left accented (outside Latin-1) stay in
      // the word; ASCII punctuation and spaces split.
      if (absl::ascii_isalnum(u) || u >= 0x80) {
        word.push_back(static_cast<char>(absl::ascii_tolower(u)));
      } else if (!flush()) {
        return;
      }
    }
    // The piece ended at a space (or the text's end): a word ends there.
    if (!flush()) return;
  }
}

// MatchHintKeys, read only until the candidate has more than `max_words`
// content words (then `words` is max_words + 1 and `matched` a partial
// count).
HintMatch MatchHintKeysUpTo(const absl::flat_hash_set<std::string>& known,
                            absl::string_view candidate, int max_words) {
  // Each hint word counts once: a headline printed twice, or a banner
  // repeating one of its words, matches no more of the hint than the
  // headline alone, and its share of matched words falls. Found words are
  // told apart by where `known` keeps them.
  std::vector<const std::string*> found;
  HintMatch match;
  ForEachContentWord(candidate, [&](absl::string_view word) {
    if (++match.words > max_words) return false;
    if (auto it = known.find(Singular(word));
        it != known.end() && std::find(found.begin(), found.end(), &*it) == found.end()) {
      found.push_back(&*it);
    }
    return true;
  });
  match.matched = static_cast<int>(found.size());
  return match;
}

// The most content words a text can have and still match `key_count`
// hint keys strongly: a strong match has 4 * matched >= 3 * words, and
// matched <= key_count.
size_t StrongMatchWordLimit(size_t key_count) { return 4 * key_count / 3; }

}  // namespace

std::vector<std::string> ContentWords(absl::string_view text) {
  std::vector<std::string> words;
  ForEachContentWord(text, [&](absl::string_view word) {
    words.emplace_back(word);
    return true;
  });
  return words;
}

namespace {

// The last path segment of `uri` when it holds three words or more, its
// pieces (split at hyphens, underscores, plus signs) in order.
std::vector<absl::string_view> SlugPieces(absl::string_view uri) {
  uri = uri.substr(0, uri.find_first_of("?#"));
  while (absl::EndsWith(uri, "/")) uri.remove_suffix(1);
  const size_t scheme = uri.find("://");
  const size_t host = scheme == absl::string_view::npos ? 0 : scheme + 3;
  const size_t slash = uri.find_last_of('/');
  if (slash == absl::string_view::npos || slash < host) return {};  // A bare host.
  absl::string_view segment = uri.substr(slash + 1);
  if (const size_t dot = segment.find_last_of('.'); dot != absl::string_view::npos) {
    segment = segment.substr(0, dot);
  }
  std::vector<absl::string_view> pieces =
      absl::StrSplit(segment, absl::ByAnyChar("-_+"), absl::SkipEmpty());
  int words = 0;
  for (absl::string_view piece : pieces) {
    bool letters = false;
    for (char c : piece) letters |= absl::ascii_isalpha(static_cast<unsigned char>(c));
    if (letters) ++words;
  }
  if (words < 3) return {};
  return pieces;
}

}  // namespace

std::vector<std::string> UrlSlugWords(absl::string_view uri) {
  std::vector<std::string> words;
  for (absl::string_view piece : SlugPieces(uri)) {
    for (std::string& word : ContentWords(piece)) words.push_back(std::move(word));
  }
  return words;
}

absl::flat_hash_set<std::string> HintKeys(const std::vector<std::string>& hint) {
  absl::flat_hash_set<std::string> known;
  for (const std::string& word : hint) known.emplace(Singular(word));
  return known;
}

HintMatch MatchHint(const std::vector<std::string>& hint, absl::string_view candidate) {
  return MatchHintKeys(HintKeys(hint), candidate);
}

HintMatch MatchHintKeys(const absl::flat_hash_set<std::string>& known,
                        absl::string_view candidate) {
  return MatchHintKeysUpTo(known, candidate, std::numeric_limits<int>::max());
}

std::optional<HintMatch> StrongHintMatch(const absl::flat_hash_set<std::string>& known,
                                         absl::string_view candidate) {
  const int max_words = static_cast<int>(StrongMatchWordLimit(known.size()));
  const HintMatch match = MatchHintKeysUpTo(known, candidate, max_words);
  if (match.words > max_words || !IsStrongHintMatch(match)) return std::nullopt;
  return match;
}

std::vector<const std::string*> KeysOfContentWords(const absl::flat_hash_set<std::string>& keys,
                                                   absl::string_view text) {
  const size_t limit = StrongMatchWordLimit(keys.size()) + 1;
  std::vector<const std::string*> found;
  ForEachContentWord(text, [&](absl::string_view word) {
    const auto it = keys.find(Singular(word));
    found.push_back(it == keys.end() ? nullptr : &*it);
    return found.size() < limit;
  });
  return found;
}

std::optional<HintMatch> StrongHintMatchOfKeys(
    size_t key_count, const std::vector<const std::vector<const std::string*>*>& pieces) {
  // As MatchHintKeysUpTo and StrongHintMatch count: each key once, and no
  // further than a strong match allows.
  const int max_words = static_cast<int>(StrongMatchWordLimit(key_count));
  std::vector<const std::string*> found;
  HintMatch match;
  for (const std::vector<const std::string*>* piece : pieces) {
    for (const std::string* key : *piece) {
      if (++match.words > max_words) return std::nullopt;
      if (key != nullptr && std::find(found.begin(), found.end(), key) == found.end()) {
        found.push_back(key);
      }
    }
  }
  match.matched = static_cast<int>(found.size());
  if (!IsStrongHintMatch(match)) return std::nullopt;
  return match;
}

bool IsStrongHintMatch(const HintMatch& match) {
  return match.matched >= 3 && 4 * match.matched >= 3 * match.words;
}

}  // namespace docsearch::ingest
