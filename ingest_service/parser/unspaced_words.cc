#include "ingest_service/parser/unspaced_words.h"

#include <cstddef>

#include "absl/strings/ascii.h"

namespace docsearch::ingest {
namespace {

// Chinese and Japanese print no spaces between words: a run of their
// characters counts one word for every two (a Chinese word is one to two
// characters long on average), so that a headline or a paragraph in them
// is not one "word" long. Their punctuation (U+3000..U+303F: the
// ideographic space, "、", "。", brackets) and the fullwidth forms
// (U+FF00..U+FFEF: "，", "：", "（") part words as spaces do. Korean prints
// spaces between words and is counted like any other script.
//
// In UTF-8, U+3000..U+9FFF (punctuation, kana, the CJK ideographs) are
// three bytes led by 0xE3..0xE9, and the fullwidth forms three bytes led by
// 0xEF 0xBC or 0xEF 0xBD; lead bytes are never continuation bytes.
bool IsCjkLead(unsigned char byte) { return byte >= 0xE3 && byte <= 0xE9; }

bool IsFullwidthAt(absl::string_view line, size_t i) {
  return static_cast<unsigned char>(line[i]) == 0xEF && i + 1 < line.size() &&
         (static_cast<unsigned char>(line[i + 1]) == 0xBC ||
          static_cast<unsigned char>(line[i + 1]) == 0xBD);
}

}  // namespace

bool HoldsUnspacedScript(absl::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (IsCjkLead(static_cast<unsigned char>(line[i])) || IsFullwidthAt(line, i)) return true;
  }
  return false;
}

int CountUnspacedWordsUpTo(absl::string_view line, int limit) {
  int words = 0;
  bool in_word = false;  // In a word of another script.
  bool digits = false;   // The word so far is ASCII digits: "2024" of "2024年".
  int run = 0;           // CJK characters in the current run.
  auto end_run = [&] {
    words += (run + 1) / 2;
    run = 0;
  };
  auto end_word = [&] {
    words += in_word ? 1 : 0;
    in_word = false;
    digits = false;
    end_run();
  };
  size_t i = 0;
  while (i < line.size() && words <= limit) {
    const unsigned char byte = line[i];
    if (IsCjkLead(byte) && i + 2 < line.size()) {
      if (byte == 0xE3 && static_cast<unsigned char>(line[i + 1]) == 0x80) {
        end_word();  // CJK punctuation.
      } else {
        // Digits next to the characters belong to their word ("2024年",
        // "3月5日"): they add none.
        words += in_word && !digits ? 1 : 0;
        in_word = false;
        digits = false;
        ++run;
      }
      i += 3;
      continue;
    }
    if (IsFullwidthAt(line, i)) {
      end_word();
      i += 3;
      continue;
    }
    if (absl::ascii_isspace(byte)) {
      end_word();
    } else if (run > 0 && absl::ascii_isdigit(byte)) {
      // Inside a run: "年3月".
    } else {
      end_run();
      if (!in_word) digits = true;
      digits = digits && absl::ascii_isdigit(byte);
      in_word = true;
    }
    ++i;
  }
  end_word();
  return words > limit ? limit + 1 : words;
}

}  // namespace docsearch::ingest
