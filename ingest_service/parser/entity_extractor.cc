#include "ingest_service/parser/entity_extractor.h"

#include <algorithm>
#include <bitset>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/entity_tables.h"
#include "ingest_service/parser/text_normalizer.h"
#include "ingest_service/parser/word_tokenizer.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::Entity;
using docsearch::v1::EntityType;

// Entities keep letters, digits and inner hyphens together
// (word_tokenizer.h).
using Token = WordToken;

std::vector<Token> Tokenize(absl::string_view text) { return TokenizeWords(text, kEntityTokens); }

bool IsCapitalized(absl::string_view word) {
  if (word.empty()) return false;
  const unsigned char c = word[0];
  if (absl::ascii_isupper(c)) return true;
  if (c < 0x80) return false;
  // A non-ASCII first letter: upper case if lower-casing changes it.
  size_t length = 1;
  while (length < word.size() && (static_cast<unsigned char>(word[length]) & 0xC0) == 0x80) {
    ++length;
  }
  const absl::string_view letter = word.substr(0, length);
  return FoldForMatching(letter) != letter;
}

bool IsAllCaps(absl::string_view word) {
  int upper = 0;
  for (char c : word) {
    if (absl::ascii_islower(static_cast<unsigned char>(c))) return false;
    if (absl::ascii_isupper(static_cast<unsigned char>(c))) ++upper;
  }
  return upper >= 2;
}

// Token equality, with the typographic apostrophe equal to the ASCII one.
bool SameWord(absl::string_view a, absl::string_view b) {
  auto apostrophe = [](absl::string_view t) { return t == "'" || t == "\xE2\x80\x99"; };
  return a == b || (apostrophe(a) && apostrophe(b));
}

// Accumulates entities keyed by (type, name).
class EntitySet {
 public:
  void Add(EntityType type, absl::string_view name, absl::string_view acronym,
           absl::string_view mention) {
    Entity& entity = entities_[{type, std::string(name)}];
    entity.set_type(type);
    entity.set_name(std::string(name));
    if (!acronym.empty()) entity.set_acronym(std::string(acronym));
    entity.set_mention_count(entity.mention_count() + 1);
    std::set<std::string>& seen = mentions_[{type, std::string(name)}];
    if (seen.insert(std::string(mention)).second) entity.add_mentions(std::string(mention));
  }

  std::vector<Entity> Take() {
    std::vector<Entity> out;
    for (auto& [key, entity] : entities_) out.push_back(std::move(entity));
    std::stable_sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
      if (a.type() != b.type()) return a.type() < b.type();
      return a.mention_count() > b.mention_count();
    });
    return out;
  }

 private:
  std::map<std::pair<EntityType, std::string>, Entity> entities_;
  std::map<std::pair<EntityType, std::string>, std::set<std::string>> mentions_;
};

// Surface forms of known entities, as token sequences, indexed by first token.
struct Phrase {
  std::vector<std::string> words;
  const KnownEntity* entity;
  EntityType type;
};

class Gazetteer {
 public:
  Gazetteer() {
    AddAll(kKnownOrganizations, v1::ENTITY_TYPE_ORGANIZATION);
    AddAll(kKnownPersons, v1::ENTITY_TYPE_PERSON);
    AddAll(kKnownPlaces, v1::ENTITY_TYPE_PLACE);
    for (auto& [first, phrases] : by_first_word_) {
      std::stable_sort(phrases.begin(), phrases.end(), [](const Phrase& a, const Phrase& b) {
        return a.words.size() > b.words.size();
      });
    }
  }

  // The longest phrase starting at token i, and how many tokens it covers.
  const Phrase* Match(const std::vector<Token>& tokens, size_t i) const {
    if (!MayBeFirstWord(tokens[i].text)) return nullptr;
    auto it = by_first_word_.find(tokens[i].text);
    if (it == by_first_word_.end()) return nullptr;
    for (const Phrase& phrase : it->second) {
      if (i + phrase.words.size() > tokens.size()) continue;
      bool equal = true;
      for (size_t k = 0; k < phrase.words.size() && equal; ++k) {
        equal = SameWord(tokens[i + k].text, phrase.words[k]);
      }
      if (equal) return &phrase;
    }
    return nullptr;
  }

  const KnownEntity* OrganizationByAcronym(absl::string_view acronym) const {
    for (const KnownEntity& entity : kKnownOrganizations) {
      if (entity.acronym == acronym) return &entity;
    }
    return nullptr;
  }

  const KnownEntity* PersonByForm(absl::string_view form) const {
    for (const KnownEntity& entity : kKnownPersons) {
      if (entity.name == form) return &entity;
      for (absl::string_view alias : entity.aliases) {
        if (alias == form) return &entity;
      }
    }
    return nullptr;
  }

 private:
  void AddForm(absl::string_view form, const KnownEntity& entity, EntityType type) {
    Phrase phrase{{}, &entity, type};
    for (const Token& token : Tokenize(form)) phrase.words.emplace_back(token.text);
    if (phrase.words.empty()) return;
    if (!phrase.words[0].empty()) first_word_slots_.set(FirstWordSlot(phrase.words[0]));
    by_first_word_[phrase.words[0]].push_back(std::move(phrase));
  }

  void AddAll(std::initializer_list<KnownEntity> entities, EntityType type) {
    for (const KnownEntity& entity : entities) {
      AddForm(entity.name, entity, type);
      if (!entity.acronym.empty()) AddForm(entity.acronym, entity, type);
      for (absl::string_view alias : entity.aliases) AddForm(alias, entity, type);
    }
  }

  // Whether some phrase opens with a word of `word`'s first byte and length
  // (lengths from kLongWord counted as one): most words of a text are
  // turned away here, without hashing them for the map.
  static constexpr size_t kLongWord = 31;
  static size_t FirstWordSlot(absl::string_view word) {
    return static_cast<unsigned char>(word[0]) * (kLongWord + 1) + std::min(word.size(), kLongWord);
  }
  bool MayBeFirstWord(absl::string_view word) const {
    return !word.empty() && first_word_slots_[FirstWordSlot(word)];
  }

  absl::flat_hash_map<std::string, std::vector<Phrase>> by_first_word_;
  std::bitset<256 * (kLongWord + 1)> first_word_slots_;
};

const Gazetteer& SharedGazetteer() {
  static const Gazetteer* const gazetteer = new Gazetteer();  // Immutable after construction.
  return *gazetteer;
}

bool IsOrganizationHead(absl::string_view word) {
  for (absl::string_view head : kOrganizationHeadWords) {
    if (word == head) return true;
  }
  return false;
}

std::optional<bool> KeptOfFoldedTitle(absl::string_view folded) {
  for (const PersonTitle& title : kPersonTitles) {
    if (folded == title.folded) return title.kept;
  }
  return std::nullopt;
}

std::optional<bool> TitleKept(absl::string_view word) {
  // Every capitalized word is asked: an ASCII one without white space (the
  // fold would trim or collapse that) is lower-cased in place, as its fold
  // would be. The titles are ASCII letters only, so such a word holding
  // anything else is none of them.
  constexpr size_t kLongestAsked = 16;
  if (word.size() <= kLongestAsked && std::all_of(word.begin(), word.end(), [](char c) {
        const unsigned char u = static_cast<unsigned char>(c);
        return u < 0x80 && !absl::ascii_isspace(u);
      })) {
    char lower[kLongestAsked];
    for (size_t i = 0; i < word.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(word[i]);
      if (!absl::ascii_isalpha(c)) return std::nullopt;
      lower[i] = absl::ascii_tolower(c);
    }
    return KeptOfFoldedTitle(absl::string_view(lower, word.size()));
  }
  return KeptOfFoldedTitle(FoldAccents(word));
}

bool IsNameParticle(absl::string_view word) {
  for (absl::string_view particle : {"de", "van", "von", "der", "da", "di", "du", "ter", "den"}) {
    if (word == particle) return true;
  }
  return false;
}

// "NATO-Russia Council (NRC)": does `acronym` spell the initials of the
// capitalized words tokens[begin, end)? Hyphenated words give one initial per
// part.
bool SpellsInitials(const std::vector<Token>& tokens, size_t begin, size_t end,
                    absl::string_view acronym) {
  std::string initials;
  for (size_t k = begin; k < end; ++k) {
    if (!tokens[k].is_word() || !IsCapitalized(tokens[k].text)) continue;
    for (absl::string_view part : absl::StrSplit(tokens[k].text, '-')) {
      if (!part.empty())
        initials.push_back(absl::ascii_toupper(static_cast<unsigned char>(part[0])));
    }
  }
  std::string capitals;
  for (char c : acronym) {
    if (absl::ascii_isupper(static_cast<unsigned char>(c))) capitals.push_back(c);
  }
  return !capitals.empty() && initials == capitals;
}

// A definition "Long Name (ACR)" whose '(' is token `open`; true when read.
bool ReadAcronymDefinition(absl::string_view text, const std::vector<Token>& tokens, size_t open,
                           EntitySet* entities, std::map<std::string, std::string>* defined) {
  const absl::string_view acronym = tokens[open + 1].text;
  // Walk back over the name: capitalized words and short connectors.
  size_t begin = open;
  size_t steps = 0;
  while (begin > 0 && steps < 10) {
    const Token& previous = tokens[begin - 1];
    if (!previous.is_word()) break;
    const bool connector = previous.text == "of" || previous.text == "for" ||
                           previous.text == "and" || previous.text == "in" ||
                           previous.text == "on" || previous.text == "de" || previous.text == "du";
    if (!IsCapitalized(previous.text) && !connector) break;
    --begin;
    ++steps;
  }
  // The shortest run of words before the parenthesis spelling the acronym.
  for (size_t start = open; start-- > begin;) {
    if (!IsCapitalized(tokens[start].text)) continue;
    if (!SpellsInitials(tokens, start, open, acronym)) continue;
    bool names_a_body = false;
    for (size_t k = start; k < open; ++k) names_a_body |= IsOrganizationHead(tokens[k].text);
    if (!names_a_body) return false;
    const std::string name(
        text.substr(tokens[start].begin, tokens[open - 1].end - tokens[start].begin));
    (*defined)[std::string(acronym)] = name;
    entities->Add(v1::ENTITY_TYPE_ORGANIZATION, name, acronym, name);
    return true;
  }
  return false;
}

}  // namespace

std::vector<Entity> ExtractEntities(absl::string_view text) {
  const std::vector<Token> tokens = Tokenize(text);
  const Gazetteer& gazetteer = SharedGazetteer();
  EntitySet entities;
  std::map<std::string, std::string> defined;  // Acronym -> name, from the text.
  size_t previous_end = tokens.size();         // Last token of the last known match.
  const KnownEntity* previous_entity = nullptr;
  // A run of titles that names no one ends here; a title inside it would
  // read the same run to the same end and name no one either, so it is not
  // read again (a text of thousands of "Ms." made this quadratic).
  size_t titles_naming_no_one_end = 0;

  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (!token.is_word()) {
      // "(NRC)" after a name: a definition, unless the table knows it.
      if (token.text == "(" && i + 2 < tokens.size() && tokens[i + 2].text == ")" &&
          tokens[i + 1].is_word() && IsAllCaps(tokens[i + 1].text) && i > 0 &&
          gazetteer.OrganizationByAcronym(tokens[i + 1].text) == nullptr &&
          defined.count(std::string(tokens[i + 1].text)) == 0) {
        if (ReadAcronymDefinition(text, tokens, i, &entities, &defined)) i += 2;
      }
      continue;
    }
    // Title + name: "President Kostunica", "Dr. Javier Solana".
    if (i >= titles_naming_no_one_end && IsCapitalized(token.text) &&
        TitleKept(token.text).has_value()) {
      size_t j = i;
      bool kept_title = false;
      while (j < tokens.size() && tokens[j].is_word() && IsCapitalized(tokens[j].text) &&
             TitleKept(tokens[j].text).has_value()) {
        kept_title = *TitleKept(tokens[j].text);
        const bool abbreviation = tokens[j].text.size() <= 3;  // "Dr.", "Lt.", "M."
        ++j;
        if (abbreviation && j < tokens.size() && tokens[j].text == ".") ++j;
      }
      // "Foreign", "Prime", "Deputy" only qualify a title: "Foreign
      // Ministers" is no one's name.
      const std::string last_title = FoldAccents(
          tokens[j - 1].text == "." && j >= 2 ? tokens[j - 2].text : tokens[j - 1].text);
      const bool qualifier_only = last_title == "foreign" || last_title == "prime" ||
                                  last_title == "deputy" || last_title == "defence" ||
                                  last_title == "defense" || last_title == "chief";
      const size_t titles_end = j;
      const size_t name_begin = qualifier_only ? i : j;
      while (j < tokens.size() && j - name_begin < 5 && tokens[j].is_word()) {
        const absl::string_view word = tokens[j].text;
        const bool particle =
            IsNameParticle(word) && j + 1 < tokens.size() && IsCapitalized(tokens[j + 1].text);
        if (!particle && (!IsCapitalized(word) || word.size() < 2 || IsAllCaps(word) ||
                          IsOrganizationHead(word) || TitleKept(word).has_value())) {
          break;
        }
        ++j;
      }
      if (!qualifier_only && j > name_begin && !IsNameParticle(tokens[j - 1].text)) {
        const std::string name(
            text.substr(tokens[name_begin].begin, tokens[j - 1].end - tokens[name_begin].begin));
        const std::string mention(text.substr(token.begin, tokens[j - 1].end - token.begin));
        std::string normalized = kept_title ? mention : name;
        if (const KnownEntity* known = gazetteer.PersonByForm(normalized)) {
          normalized = std::string(known->name);
        } else if (const KnownEntity* known_name = gazetteer.PersonByForm(name)) {
          normalized = std::string(known_name->name);
        }
        entities.Add(v1::ENTITY_TYPE_PERSON, normalized, "", mention);
        i = j - 1;
        continue;
      }
      titles_naming_no_one_end = titles_end;
    }
    if (const Phrase* phrase = gazetteer.Match(tokens, i)) {
      const size_t last = i + phrase->words.size() - 1;
      const std::string mention(text.substr(token.begin, tokens[last].end - token.begin));
      // "NATO-Russia Council (NRC)" is one mention, not two.
      const bool restates = i >= 2 && tokens[i - 1].text == "(" && last + 1 < tokens.size() &&
                            tokens[last + 1].text == ")" && previous_end == i - 2 &&
                            previous_entity == phrase->entity;
      if (!restates) {
        entities.Add(phrase->type, phrase->entity->name, phrase->entity->acronym, mention);
      }
      previous_end = last;
      previous_entity = phrase->entity;
      i = last;
      continue;
    }
    if (defined.empty()) continue;  // Most texts define no acronym.
    if (auto it = defined.find(std::string(token.text)); it != defined.end()) {
      entities.Add(v1::ENTITY_TYPE_ORGANIZATION, it->second, token.text, token.text);
    }
  }
  return entities.Take();
}

}  // namespace docsearch::ingest
