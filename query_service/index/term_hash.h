// A term and its hash, computed once when a document is analysed and reused
// by every hash table the term then meets: the field's numbering of its
// distinct terms and the term dictionaries of both copies of the index
// (docs/BENCHMARKS.md, "Analysis: each term hashed once").
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_TERM_HASH_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_TERM_HASH_H_

#include <cstddef>

#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"

namespace docsearch::query {

inline size_t HashTerm(absl::string_view term) { return absl::Hash<absl::string_view>{}(term); }

struct HashedTerm {
  // Lets a table keyed by views insert one without hashing it again.
  explicit operator absl::string_view() const { return text; }

  absl::string_view text;
  size_t hash;
};

// Hashes a HashedTerm by its stored hash and any string as HashTerm does,
// so that one table takes both kinds of key.
struct TermHash {
  using is_transparent = void;
  size_t operator()(absl::string_view term) const { return HashTerm(term); }
  size_t operator()(const HashedTerm& term) const { return term.hash; }
};

struct TermEq {
  using is_transparent = void;
  bool operator()(absl::string_view a, absl::string_view b) const { return a == b; }
  bool operator()(const HashedTerm& a, absl::string_view b) const { return a.text == b; }
  bool operator()(absl::string_view a, const HashedTerm& b) const { return a == b.text; }
  bool operator()(const HashedTerm& a, const HashedTerm& b) const { return a.text == b.text; }
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_TERM_HASH_H_
