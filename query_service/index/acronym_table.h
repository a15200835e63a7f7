// What the collection's acronyms stand for, learnt from the documents
// themselves, so that a query can be expanded at search time ("TMD" also
// finds "Theatre Missile Defence", "NATO-Russia Council" also finds "NRC")
// and nothing needs re-indexing when a new acronym appears: adding a
// document that defines one is enough.
//
// Two sources, both per document:
//  - the parser's entities that carry an acronym (Entity.acronym), when the
//    document names the entity in full (one of its mentions is the name), so
//    that a French document citing "ONU" does not teach the English name;
//  - definitions in the text, "long form (ACRONYM)", where the letters of
//    the acronym are the initials of the words before the parenthesis (the
//    Schwartz-Hearst rule: function words such as "of", "de" may be skipped
//    or give their initial), e.g. "European Security and Defence Identity
//    (ESDI)", "identité européenne de sécurité et de défense (IESD)".
//
// Each pair counts the live documents that teach it, per language (the
// document's), and leaves the table when the last one goes. A query is
// expanded only with pairs of its own language: cross-language matching is
// not done through acronyms.
//
// Thread safety: none; IndexData's writer changes it, readers read it.
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_ACRONYM_TABLE_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_ACRONYM_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "common/text_analyzer.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::query {

// One acronym and what it stands for, as a document teaches it.
struct AcronymPair {
  std::string acronym;    // As written, e.g. "TMD", "PfP".
  std::string long_form;  // As written, e.g. "Theatre Missile Defense".
  // The long form's analyzed terms (acronym_table.h's AcronymKey), which a
  // query's words are compared with.
  std::string key;
};

// The analyzed terms of `text` in `language`, one per word, joined by
// spaces: two spellings that analysis makes equal ("Theatre Missile
// Defense", "theatre missile defence") have one key.
std::string AcronymKey(std::string_view text, std::string_view language, TextAnalyzer& analyzer);
// The terms AcronymKey joins, one per word.
std::vector<std::string> AcronymKeyWords(std::string_view text, std::string_view language,
                                         TextAnalyzer& analyzer);

// The definitions "long form (ACRONYM)" in `text`, in order.
std::vector<AcronymPair> FindAcronymDefinitions(std::string_view text, std::string_view language,
                                                TextAnalyzer& analyzer);

// Every pair `document` teaches (entities and definitions), each once.
std::vector<AcronymPair> AcronymPairsOf(const docsearch::v1::Document& document,
                                        TextAnalyzer& analyzer);

class AcronymTable {
 public:
  struct LongForm {
    std::string text;  // As first seen.
    uint32_t documents = 0;
  };

  // Counts `pairs`, what one document of `language` teaches
  // (AcronymPairsOf); Remove takes them back when the document goes.
  void Add(std::string_view language, const std::vector<AcronymPair>& pairs);
  void Remove(std::string_view language, const std::vector<AcronymPair>& pairs);

  // The long forms of `acronym` (exactly as written) in documents of
  // `language`, most documents first (then by text), at most `limit`.
  std::vector<LongForm> LongFormsOf(std::string_view language, std::string_view acronym,
                                    size_t limit) const;
  // The acronyms of the long form with `key` in documents of `language`,
  // most documents first (then by text), at most `limit`.
  std::vector<std::string> AcronymsOf(std::string_view language, std::string_view key,
                                      size_t limit) const;
  // The longest long form's key length in words, over every language (a
  // query's runs of words longer than it need not be looked up).
  size_t longest_key_words() const { return longest_key_words_; }
  bool empty() const { return languages_.empty(); }
  uint64_t MemoryBytes() const { return memory_bytes_; }

 private:
  struct Language {
    // acronym -> key -> long form.
    absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, LongForm>> long_forms;
    // key -> acronym -> documents.
    absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, uint32_t>> acronyms;
  };
  void Change(std::string_view language, const std::vector<AcronymPair>& pairs, bool add);

  // By the primary subtag of the documents' language ("fr" for "fr-BE").
  absl::flat_hash_map<std::string, Language> languages_;
  size_t longest_key_words_ = 0;
  uint64_t memory_bytes_ = 0;
};

// The primary subtag of a BCP-47 tag, lower-cased ("fr" for "fr-BE").
std::string PrimaryLanguage(std::string_view tag);

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_ACRONYM_TABLE_H_
