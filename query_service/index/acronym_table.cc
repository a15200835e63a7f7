#include "query_service/index/acronym_table.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"

namespace docsearch::query {
namespace {

using docsearch::v1::Document;

// Rough bytes of one hash-map entry beyond its strings (as segment.h counts).
constexpr uint64_t kEntryOverhead = 32;
// Longest acronym read in a definition, in letters.
constexpr size_t kMaxAcronymLetters = 10;
// Words a long form may have beyond one per letter (function words).
constexpr size_t kExtraLongFormWords = 5;

// Words a long form may skip or take an initial from ("Partnership for
// Peace (PfP)", "Organisation du Traité de l'Atlantique Nord (OTAN)"), in
// the languages the corpus has, accents folded as the analyzer folds them.
bool IsFunctionWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "of",  "for", "and",  "the", "in", "on",  "to",    "at",  "de", "du",  "des", "la",   "le",
      "les", "et",  "pour", "en",  "au", "aux", "d",     "l",   "a",  "fur", "und", "der",  "die",
      "das", "von", "y",    "del", "e",  "di",  "della", "per", "el", "los", "dei", "degli"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

// An acronym as written between parentheses: 2 to 10 ASCII letters, the
// first upper case, at least two upper case ("TMD", "PfP", "OTAN").
bool IsAcronymShape(std::string_view text) {
  if (text.size() < 2 || text.size() > kMaxAcronymLetters) return false;
  if (!absl::ascii_isupper(static_cast<unsigned char>(text[0]))) return false;
  int upper = 0;
  for (char c : text) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return false;
    upper += absl::ascii_isupper(static_cast<unsigned char>(c)) ? 1 : 0;
  }
  return upper >= 2;
}

// Text between two words of a long form: spaces, hyphens, apostrophes and
// other non-ASCII joiners, but no punctuation that ends a phrase.
bool JoinsWords(std::string_view gap) {
  for (unsigned char c : gap) {
    if (c < 0x80 && !absl::ascii_isspace(c) && c != '-' && c != '\'') return false;
  }
  return true;
}

// The bytes of an elided article the analyzer leaves in its first word's
// range ("l'" of "l'Organisation"): a long form starts after it.
size_t ElidedArticleLength(std::string_view text) {
  size_t letters = 0;
  while (letters < text.size() && letters < 3 &&
         absl::ascii_isalpha(static_cast<unsigned char>(text[letters]))) {
    ++letters;
  }
  if (letters == 0 || letters == 3) return 0;
  const std::string_view rest = text.substr(letters);
  if (rest.starts_with("'")) return letters + 1;
  if (rest.starts_with("\u2019")) return letters + 3;
  return 0;
}

// One word of a long form candidate: the folded word (Stemming::kNone) and
// its byte range in the text.
struct Word {
  std::string term;
  uint32_t start;
  uint32_t end;
};

// One word per position (the shortest term there: a compound's parts, not
// its closed form, which shares the first part's position).
std::vector<Word> WordsOf(const std::vector<Token>& tokens) {
  std::vector<Word> words;
  uint32_t position = 0;
  for (const Token& token : tokens) {
    if (!words.empty() && token.position == position) {
      Word& last = words.back();
      if (token.term.size() < last.term.size()) last = {token.term, token.start, token.end};
      continue;
    }
    position = token.position;
    words.push_back({token.term, token.start, token.end});
  }
  return words;
}

// Whether words[i, end) spell `letters` from letter j: every content word
// gives the next letter as its initial; a function word may give it or be
// skipped.
bool Spells(const std::vector<Word>& words, size_t i, size_t end, const std::string& letters,
            size_t j) {
  if (i == end) return j == letters.size();
  const Word& word = words[i];
  const bool initial = j < letters.size() && !word.term.empty() && word.term[0] == letters[j];
  if (initial && Spells(words, i + 1, end, letters, j + 1)) return true;
  return IsFunctionWord(word.term) && Spells(words, i + 1, end, letters, j);
}

}  // namespace

std::string PrimaryLanguage(std::string_view tag) {
  return absl::AsciiStrToLower(std::string(tag.substr(0, tag.find_first_of("-_"))));
}

std::vector<std::string> AcronymKeyWords(std::string_view text, std::string_view language,
                                         TextAnalyzer& analyzer) {
  std::vector<std::string> terms;
  for (Word& word : WordsOf(analyzer.Analyze(text, language, Stemming::kByLanguage))) {
    terms.push_back(std::move(word.term));
  }
  return terms;
}

std::string AcronymKey(std::string_view text, std::string_view language, TextAnalyzer& analyzer) {
  return absl::StrJoin(AcronymKeyWords(text, language, analyzer), " ");
}

std::vector<AcronymPair> FindAcronymDefinitions(std::string_view text, std::string_view language,
                                                TextAnalyzer& analyzer) {
  std::vector<AcronymPair> found;
  if (text.find('(') == std::string_view::npos) return found;
  const std::vector<Word> words = WordsOf(analyzer.Analyze(text, language, Stemming::kNone));
  size_t next_word = 0;  // First word starting at or after the current '('.
  for (size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    const size_t close = text.find(')', open);
    if (close == std::string_view::npos) break;
    const std::string_view acronym = text.substr(open + 1, close - open - 1);
    while (next_word < words.size() && words[next_word].start < open) ++next_word;
    if (!IsAcronymShape(acronym) || next_word == 0) continue;
    const size_t end = next_word;  // The long form ends with words[end - 1].
    if (!JoinsWords(text.substr(words[end - 1].end, open - words[end - 1].end))) continue;
    const std::string letters = absl::AsciiStrToLower(std::string(acronym));
    const size_t max_words = letters.size() + kExtraLongFormWords;
    // The shortest run of words before the parenthesis that spells it.
    for (size_t begin = end; begin-- > 0 && end - begin <= max_words;) {
      if (begin + 1 < end &&
          !JoinsWords(text.substr(words[begin].end, words[begin + 1].start - words[begin].end))) {
        break;
      }
      if (IsFunctionWord(words[begin].term) || end - begin < 2) continue;
      if (!Spells(words, begin, end, letters, 0)) continue;
      std::string_view long_form =
          text.substr(words[begin].start, words[end - 1].end - words[begin].start);
      long_form.remove_prefix(ElidedArticleLength(long_form));
      found.push_back({std::string(acronym), std::string(long_form),
                       AcronymKey(long_form, language, analyzer)});
      break;
    }
  }
  return found;
}

std::vector<AcronymPair> AcronymPairsOf(const Document& document, TextAnalyzer& analyzer) {
  const std::string& language = document.language();
  std::vector<AcronymPair> pairs;
  for (const docsearch::v1::Entity& entity : document.entities()) {
    if (!IsAcronymShape(entity.acronym())) continue;
    // Only when the document names the entity in full: the parser gives a
    // known entity its table's (English) name whatever the text says.
    const std::string key = AcronymKey(entity.name(), language, analyzer);
    if (key.empty()) continue;
    const bool named = std::any_of(
        entity.mentions().begin(), entity.mentions().end(),
        [&](const std::string& mention) { return AcronymKey(mention, language, analyzer) == key; });
    if (named) pairs.push_back({entity.acronym(), entity.name(), key});
  }
  auto add_definitions = [&](const std::string& text) {
    for (AcronymPair& pair : FindAcronymDefinitions(text, language, analyzer)) {
      pairs.push_back(std::move(pair));
    }
  };
  add_definitions(document.title());
  add_definitions(document.subtitle());
  for (const auto& paragraph : document.paragraphs()) add_definitions(paragraph.text());
  for (const auto& footnote : document.footnotes()) add_definitions(footnote.text());
  // Each pair once per document.
  absl::flat_hash_set<std::pair<std::string, std::string>> seen;
  std::vector<AcronymPair> unique;
  for (AcronymPair& pair : pairs) {
    if (seen.insert({pair.acronym, pair.key}).second) unique.push_back(std::move(pair));
  }
  return unique;
}

void AcronymTable::Add(std::string_view language, const std::vector<AcronymPair>& pairs) {
  Change(language, pairs, true);
}

void AcronymTable::Remove(std::string_view language, const std::vector<AcronymPair>& pairs) {
  Change(language, pairs, false);
}

void AcronymTable::Change(std::string_view document_language, const std::vector<AcronymPair>& pairs,
                          bool add) {
  if (pairs.empty()) return;
  const std::string language = PrimaryLanguage(document_language);
  Language& table = languages_[language];
  for (const AcronymPair& pair : pairs) {
    const uint64_t bytes =
        pair.acronym.size() * 2 + pair.long_form.size() + pair.key.size() * 2 + 4 * kEntryOverhead;
    if (add) {
      auto [entry, inserted] = table.long_forms[pair.acronym].try_emplace(pair.key);
      if (inserted) {
        entry->second.text = pair.long_form;
        memory_bytes_ += bytes;
      }
      ++entry->second.documents;
      ++table.acronyms[pair.key][pair.acronym];
      const size_t words =
          static_cast<size_t>(std::count(pair.key.begin(), pair.key.end(), ' ')) + 1;
      longest_key_words_ = std::max(longest_key_words_, words);
      continue;
    }
    auto forms = table.long_forms.find(pair.acronym);
    if (forms == table.long_forms.end()) continue;
    auto entry = forms->second.find(pair.key);
    if (entry == forms->second.end()) continue;
    if (--entry->second.documents == 0) {
      forms->second.erase(entry);
      if (forms->second.empty()) table.long_forms.erase(forms);
      memory_bytes_ -= std::min(memory_bytes_, bytes);
    }
    auto acronyms = table.acronyms.find(pair.key);
    if (acronyms != table.acronyms.end()) {
      auto count = acronyms->second.find(pair.acronym);
      if (count != acronyms->second.end() && --count->second == 0) {
        acronyms->second.erase(count);
        if (acronyms->second.empty()) table.acronyms.erase(acronyms);
      }
    }
  }
  // longest_key_words_ stays a bound after removals: it only limits lookups.
  if (table.long_forms.empty()) languages_.erase(language);
}

std::vector<AcronymTable::LongForm> AcronymTable::LongFormsOf(std::string_view language,
                                                              std::string_view acronym,
                                                              size_t limit) const {
  std::vector<LongForm> out;
  auto table = languages_.find(PrimaryLanguage(language));
  if (table == languages_.end()) return out;
  auto forms = table->second.long_forms.find(std::string(acronym));
  if (forms == table->second.long_forms.end()) return out;
  for (const auto& [key, form] : forms->second) out.push_back(form);
  std::sort(out.begin(), out.end(), [](const LongForm& a, const LongForm& b) {
    return a.documents != b.documents ? a.documents > b.documents : a.text < b.text;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<std::string> AcronymTable::AcronymsOf(std::string_view language, std::string_view key,
                                                  size_t limit) const {
  std::vector<std::pair<uint32_t, std::string>> ranked;
  auto table = languages_.find(PrimaryLanguage(language));
  if (table == languages_.end()) return {};
  auto acronyms = table->second.acronyms.find(std::string(key));
  if (acronyms == table->second.acronyms.end()) return {};
  for (const auto& [acronym, documents] : acronyms->second) ranked.push_back({documents, acronym});
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> out;
  for (auto& [documents, acronym] : ranked) {
    if (out.size() == limit) break;
    out.push_back(std::move(acronym));
  }
  return out;
}

}  // namespace docsearch::query
