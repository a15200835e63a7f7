#include "query_service/compare/phrase_extractor.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"

namespace docsearch::query::compare {
namespace {

constexpr size_t kMaxForms = 4;

bool IsContent(const Unit& unit) { return unit.role == WordRole::kContent && !unit.numeric; }

// Lowers the first letter of a phrase that opens a sentence ("Regular
// working contacts"), keeping acronyms ("NRC Work Programme") and names
// written with capitals mid-sentence.
std::string AsWritten(const Passage& passage, uint32_t start, uint32_t end) {
  std::string surface = passage.text.substr(start, end - start);
  absl::string_view before =
      absl::StripTrailingAsciiWhitespace(absl::string_view(passage.text).substr(0, start));
  const bool sentence_start = before.empty() || absl::EndsWith(before, ".") ||
                              absl::EndsWith(before, ":") || absl::EndsWith(before, "\xE2\x80\x9C");
  if (sentence_start && surface.size() > 1 && absl::ascii_isupper(surface[0]) &&
      absl::ascii_islower(surface[1])) {
    surface[0] = absl::ascii_tolower(surface[0]);
  }
  return surface;
}

class Extractor {
 public:
  explicit Extractor(const AnalyzedText& text) : text_(text) {}

  std::vector<Phrase> Run() {
    for (size_t p = 0; p < text_.passages.size(); ++p) ScanPassage(static_cast<int>(p));
    return std::move(phrases_);
  }

 private:
  void ScanPassage(int p) {
    const Passage& passage = text_.passages[p];
    const std::vector<Unit>& units = passage.units;
    run_.clear();
    content_units_ = 0;
    after_gerund_ = false;
    auto content_at = [&](size_t u) {
      return u < units.size() && !units[u].boundary_before && IsContent(units[u]);
    };
    for (size_t u = 0; u < units.size(); ++u) {
      const Unit& unit = units[u];
      if (unit.boundary_before) Close(p, u);
      if (IsContent(unit)) {
        const std::string* lower = LowerCaseWord(passage, unit);
        if (lower != nullptr && LooksLikeAdverb(*lower, text_.language)) {
          Close(p, u);
          continue;
        }
        // "Ministers thanked Lord Robertson": a past form after a noun is
        // the verb between two phrases.
        if (lower != nullptr && !run_.empty() && run_.back().content &&
            LooksLikeFiniteVerb(*lower, text_.language)) {
          Close(p, u);
          continue;
        }
        if (content_units_ == kMaxPhraseUnits) Close(p, u);
        if (run_.empty() && IsVerbalGerund(passage, u)) {
          after_gerund_ = true;
          continue;
        }
        run_.push_back({u, true});
        content_units_++;
        continue;
      }
      const bool after_content = !run_.empty() && run_.back().content;
      if (unit.role == WordRole::kPreposition && after_content && content_at(u + 1) &&
          content_units_ < kMaxPhraseUnits) {
        run_.push_back({u, false});
        continue;
      }
      // "search and rescue": one lone word, the conjunction, one word that
      // ends the item. Anything longer on either side is two list items.
      if (unit.role == WordRole::kConjunction && run_.size() == 1 && content_at(u + 1) &&
          !content_at(u + 2)) {
        run_.push_back({u, false});
        continue;
      }
      Close(p, u);
    }
    Close(p, units.size());
  }

  // The folded word of a single-word unit written in lower case, else null
  // (capitalized words are names or titles, never adverbs or verbs here).
  static const std::string* LowerCaseWord(const Passage& passage, const Unit& unit) {
    if (unit.end_word - unit.first_word != 1) return nullptr;
    const Word& word = passage.words[unit.first_word];
    if (word.start >= passage.text.size() ||
        !absl::ascii_islower(static_cast<unsigned char>(passage.text[word.start]))) {
      return nullptr;
    }
    return &word.folded;
  }

  // True when list punctuation or a conjunction is right before or after
  // the units [first, next): enough for a lone word to read as a topic
  // ("the fight against terrorism, defence reform").
  static bool IsBesideListBreak(const Passage& passage, size_t first, size_t next) {
    const std::vector<Unit>& units = passage.units;
    if (units[first].list_break_before) return true;
    if (first > 0 && !units[first].boundary_before &&
        units[first - 1].role == WordRole::kConjunction) {
      return true;
    }
    return next < units.size() &&
           (units[next].list_break_before || units[next].role == WordRole::kConjunction);
  }

  // True when the units [first, next) stand as an item of a list: on the
  // left a list break, a conjunction or the passage start, with only
  // function words in between (", including crisis management"); on the
  // right a list break, a conjunction or the end of a sentence.
  static bool IsListed(const Passage& passage, size_t first, size_t next) {
    const std::vector<Unit>& units = passage.units;
    bool left = false;
    for (size_t u = first + 1; u-- > 0;) {
      if (units[u].list_break_before || u == 0) {
        left = true;
        break;
      }
      if (units[u].boundary_before) break;  // A sentence start, not a list.
      const Unit& previous = units[u - 1];
      if (previous.role == WordRole::kConjunction) {
        left = true;
        break;
      }
      if (previous.role == WordRole::kContent) break;
    }
    if (!left) return false;
    return next >= units.size() || units[next].boundary_before ||
           units[next].role == WordRole::kConjunction;
  }

  // A leading "-ing" word after "that", "by", ... with a content word after
  // it is a verb, not the head of the phrase.
  bool IsVerbalGerund(const Passage& passage, size_t u) const {
    const Unit& unit = passage.units[u];
    if (u == 0 || unit.boundary_before || unit.end_word - unit.first_word != 1) return false;
    const Word& word = passage.words[unit.first_word];
    if (word.folded.size() < 6 || !absl::EndsWith(word.folded, "ing")) return false;
    const Unit& previous = passage.units[u - 1];
    if (previous.end_word - previous.first_word != 1) return false;
    if (u + 1 >= passage.units.size() || passage.units[u + 1].boundary_before ||
        !IsContent(passage.units[u + 1])) {
      return false;
    }
    return IntroducesGerund(passage.words[previous.first_word].folded, text_.language);
  }

  // Ends the current run; `next` is the unit after it.
  void Close(int p, size_t next) {
    while (!run_.empty() && !run_.back().content) run_.pop_back();
    if (!run_.empty()) {
      const Passage& passage = text_.passages[p];
      const bool listed = IsListed(passage, run_.front().unit, next);
      // A lone word is a phrase only where it reads as a topic: next to a
      // list break or as the object of a dropped gerund. Lone verbs
      // ("decided") are not. The object of "improving", "strengthening" is
      // a stated topic, ranked with list items.
      if (content_units_ > 1 || after_gerund_ ||
          IsBesideListBreak(passage, run_.front().unit, next)) {
        Emit(p, listed || after_gerund_);
      }
    }
    run_.clear();
    content_units_ = 0;
    after_gerund_ = false;
  }

  void Emit(int p, bool listed) {
    const Passage& passage = text_.passages[p];
    std::vector<std::string> stems;
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    for (const RunItem& item : run_) {
      if (!item.content) continue;
      const Unit& unit = passage.units[item.unit];
      for (uint32_t w = unit.first_word; w < unit.end_word; ++w) {
        stems.push_back(passage.words[w].term);
        spans.push_back({passage.words[w].start, passage.words[w].end});
      }
    }
    const uint32_t start = passage.words[passage.units[run_.front().unit].first_word].start;
    const uint32_t end = passage.words[passage.units[run_.back().unit].end_word - 1].end;
    std::string key = absl::StrJoin(stems, " ");
    auto [it, inserted] = by_key_.try_emplace(key, phrases_.size());
    if (inserted) {
      Phrase phrase;
      phrase.stems = std::move(stems);
      phrase.key = std::move(key);
      phrase.passage = p;
      phrase.stem_spans = std::move(spans);
      phrases_.push_back(std::move(phrase));
    }
    Phrase& phrase = phrases_[it->second];
    phrase.count++;
    phrase.listed += listed;
    std::string form = AsWritten(passage, start, end);
    bool known = false;
    for (const std::string& f : phrase.forms) known |= f == form;
    if (!known && phrase.forms.size() < kMaxForms) phrase.forms.push_back(std::move(form));
  }

  struct RunItem {
    size_t unit;
    bool content;  // False for a joining preposition or conjunction.
  };

  const AnalyzedText& text_;
  std::vector<RunItem> run_;
  int content_units_ = 0;
  bool after_gerund_ = false;  // The run follows a dropped verbal gerund.
  std::vector<Phrase> phrases_;
  absl::flat_hash_map<std::string, size_t> by_key_;
};

}  // namespace

std::vector<Phrase> ExtractPhrases(const AnalyzedText& text) { return Extractor(text).Run(); }

std::string PhrasePart(const AnalyzedText& text, const Phrase& phrase, size_t first,
                       size_t length) {
  const Passage& passage = text.passages[phrase.passage];
  return AsWritten(passage, phrase.stem_spans[first].first,
                   phrase.stem_spans[first + length - 1].second);
}

}  // namespace docsearch::query::compare
