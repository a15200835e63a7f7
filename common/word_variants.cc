#include "common/word_variants.h"

#include <array>
#include <utility>

namespace docsearch {
namespace {

std::string_view PrimaryLanguage(std::string_view language) {
  return language.substr(0, language.find_first_of("-_"));
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Elided forms before an apostrophe, by language (Lucene's ElisionFilter
// sets: French and Catalan articles and pronouns, Italian articles and
// articulated prepositions).
constexpr std::array<std::string_view, 13> kFrenchElisions = {
    "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"};
constexpr std::array<std::string_view, 21> kItalianElisions = {
    "c",    "l",    "all",  "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl",
    "dagl", "degl", "negl", "sugl", "un",   "m",    "t",    "s",    "v",    "d"};
constexpr std::array<std::string_view, 6> kCatalanElisions = {"d", "l", "m", "n", "s", "t"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& table, std::string_view word) {
  for (std::string_view entry : table) {
    if (entry == word) return true;
  }
  return false;
}

// Whole American words and their British spelling.
constexpr std::pair<std::string_view, std::string_view> kBritishWords[] = {
    {"defense", "defence"},        {"defenses", "defences"},
    {"offense", "offence"},        {"offenses", "offences"},
    {"pretense", "pretence"},      {"center", "centre"},
    {"centers", "centres"},        {"centered", "centred"},
    {"theater", "theatre"},        {"theaters", "theatres"},
    {"program", "programme"},      {"programs", "programmes"},
    {"analyze", "analyse"},        {"analyzed", "analysed"},
    {"analyzes", "analyses"},      {"analyzing", "analysing"},
    {"paralyze", "paralyse"},      {"paralyzed", "paralysed"},
    {"catalog", "catalogue"},      {"dialog", "dialogue"},
    {"maneuver", "manoeuvre"},     {"maneuvers", "manoeuvres"},
    {"fulfill", "fulfil"},         {"fulfillment", "fulfilment"},
    {"enrollment", "enrolment"},   {"installment", "instalment"},
    {"traveled", "travelled"},     {"traveling", "travelling"},
    {"canceled", "cancelled"},     {"canceling", "cancelling"},
    {"labeled", "labelled"},       {"labeling", "labelling"},
    {"modeled", "modelled"},       {"modeling", "modelling"},
    {"fueled", "fuelled"},         {"signaled", "signalled"},
    {"counseling", "counselling"}, {"gray", "grey"},
    {"aluminum", "aluminium"},     {"skeptical", "sceptical"},
};

// Roots whose -ize/-ization forms are written -ise/-isation in British
// English ("organ" + "ization"). A table rather than a rule, because "size",
// "prize", "seize", "citizen" must not change.
constexpr std::string_view kIzeRoots[] = {
    "organ",      "recogn",    "real",      "stabil",        "mobil",       "modern",
    "author",     "emphas",    "priorit",   "util",          "final",       "normal",
    "harmon",     "character", "civil",     "critic",        "summar",      "minim",
    "maxim",      "optim",     "legitim",   "democrat",      "militar",     "demilitar",
    "privat",     "central",   "decentral", "institutional", "operational", "revital",
    "apolog",     "sympath",   "special",   "general",       "visual",      "neutral",
    "jeopard",    "scrutin",   "standard",  "synchron",      "categor",     "familiar",
    "formal",     "global",    "local",     "national",      "polar",       "regular",
    "terror",     "urban",     "western",   "capital",       "material",    "memorial",
    "fertil",     "subsid",    "energ",     "industrial",    "liberal",     "radical",
    "marginal",   "rational",  "moral",     "vital",         "computer",    "digit",
    "commercial", "colon",     "human",     "immun",
};
constexpr std::string_view kIzeTails[] = {"e",      "ed",      "es", "ing", "ation",
                                          "ations", "ational", "er", "ers", "able"};

// Roots whose American -or is British -our ("labor" → "labour").
constexpr std::string_view kOurRoots[] = {
    "fav", "hon", "lab", "col", "behavi", "neighb", "harb", "rum",  "endeav",
    "vig", "arm", "hum", "val", "sav",    "flav",   "ferv", "clam", "splend",
    "tum", "od",  "rig", "ard", "cand",   "parl",   "savi",
};
constexpr std::string_view kOurTails[] = {"",     "s",     "ed",   "ing",  "able", "ably",
                                          "ite",  "ites",  "ful",  "less", "er",   "ers",
                                          "hood", "hoods", "ings", "ary",  "ite"};

// English stems of demonyms → stems of their country (Snowball English).
constexpr std::pair<std::string_view, std::string_view> kDemonyms[] = {
    {"russian", "russia"},     {"ukrainian", "ukrain"},   {"serbian", "serbia"},
    {"bosnian", "bosnia"},     {"albanian", "albania"},   {"yugoslav", "yugoslavia"},
    {"afghan", "afghanistan"}, {"american", "america"},   {"canadian", "canada"},
    {"italian", "itali"},      {"hungarian", "hungari"},  {"romanian", "romania"},
    {"bulgarian", "bulgaria"}, {"georgian", "georgia"},   {"iraqi", "iraq"},
    {"iranian", "iran"},       {"pakistani", "pakistan"}, {"macedonian", "macedonia"},
    {"estonian", "estonia"},   {"latvian", "latvia"},     {"lithuanian", "lithuania"},
    {"slovenian", "slovenia"}, {"slovakian", "slovakia"}, {"croatian", "croatia"},
    {"austrian", "austria"},   {"belgian", "belgium"},    {"norwegian", "norway"},
    {"sudanes", "sudan"},      {"libyan", "libya"},       {"syrian", "syria"},
    {"egyptian", "egypt"},     {"moroccan", "morocco"},   {"tunisian", "tunisia"},
    {"jordanian", "jordan"},   {"algerian", "algeria"},   {"mauritanian", "mauritania"},
    {"kosovar", "kosovo"},
};

constexpr std::string_view kBoundPrefixes[] = {
    "co",    "non",   "re",    "pre",   "anti",  "multi", "inter", "counter", "sub",
    "post",  "semi",  "mid",   "micro", "macro", "neo",   "pan",   "pseudo",  "quasi",
    "ultra", "trans", "intra", "extra", "bi",    "tri",   "over",  "under",   "de",
};

}  // namespace

std::string_view StripElision(std::string_view word, std::string_view language) {
  const std::string_view primary = PrimaryLanguage(language);
  if (primary != "fr" && primary != "it" && primary != "ca") return word;
  for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\u2019")}) {
    const size_t at = word.find(apostrophe);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view head = word.substr(0, at);
    const bool elided = primary == "fr"   ? Contains(kFrenchElisions, head)
                        : primary == "it" ? Contains(kItalianElisions, head)
                                          : Contains(kCatalanElisions, head);
    const std::string_view rest = word.substr(at + apostrophe.size());
    if (elided && !rest.empty()) return rest;
  }
  return word;
}

std::string BritishSpelling(std::string_view word, std::string_view language) {
  if (PrimaryLanguage(language) != "en") return std::string(word);
  for (const auto& [american, british] : kBritishWords) {
    if (word == american) return std::string(british);
  }
  for (std::string_view tail : kIzeTails) {
    const size_t tail_at = word.size() - std::min(word.size(), tail.size());
    if (!EndsWith(word, tail) || tail_at < 2 || word.substr(tail_at - 2, 2) != "iz") continue;
    const std::string_view root = word.substr(0, tail_at - 2);
    for (std::string_view known : kIzeRoots) {
      if (root == known) return std::string(root) + "is" + std::string(tail);
    }
  }
  for (std::string_view tail : kOurTails) {
    const size_t tail_at = word.size() - std::min(word.size(), tail.size());
    if (!EndsWith(word, tail) || tail_at < 2 || word.substr(tail_at - 2, 2) != "or") continue;
    const std::string_view root = word.substr(0, tail_at - 2);
    for (std::string_view known : kOurRoots) {
      if (root == known) return std::string(root) + "our" + std::string(tail);
    }
  }
  return std::string(word);
}

std::string_view CountryOfDemonym(std::string_view stem, std::string_view language) {
  if (PrimaryLanguage(language) != "en") return stem;
  for (const auto& [demonym, country] : kDemonyms) {
    if (stem == demonym) return country;
  }
  return stem;
}

bool IsBoundPrefix(std::string_view part) {
  for (std::string_view prefix : kBoundPrefixes) {
    if (part == prefix) return true;
  }
  return false;
}

}  // namespace docsearch
