#include "ingest_service/parser/site_notices.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/line_shape.h"

namespace docsearch::ingest {
namespace {

// A caption is a sentence or two under a photo; longer lines are text.
constexpr size_t kLongestCaption = 320;
// A credit names a photographer, an agency or both, with a path of
// sources ("Rosinei Coutinho/SCO/STF").
constexpr int kMostCreditWords = 6;
// The fewest words of a caption before its credit.
constexpr int kLeastCaptionWords = 3;

// Where a credit opens, after the caption's words (folded).
constexpr absl::string_view kCreditKeys[] = {
    " photo: ",   " photo : ",       " photos: ",       " foto: ",    " foto : ",
    " fotos: ",   " credit: ",       " credits: ",      " credit : ", " image: ",
    " picture: ", " photo credit: ", " bildnachweis: ",
};

// Words of a credit (after its key): a few, and none ending a sentence
// with more after it.
bool IsCredit(absl::string_view credit) {
  credit = absl::StripAsciiWhitespace(credit);
  absl::ConsumeSuffix(&credit, ")");
  if (credit.empty() || absl::EndsWith(credit, ".") || absl::EndsWith(credit, ":")) return false;
  const std::vector<absl::string_view> words =
      absl::StrSplit(credit, absl::ByAnyChar(" \t"), absl::SkipEmpty());
  if (words.empty() || static_cast<int>(words.size()) > kMostCreditWords) return false;
  for (absl::string_view word : words) {
    if (absl::EndsWith(word, ".") && word.size() > 3) return false;
  }
  return true;
}

// Phrases of a site's notice that occur in no official text's sentences,
// folded.
constexpr absl::string_view kNoticePhrases[] = {
    "how you know",  // after "Here's", which folding may spell two ways
    "best viewed in",
    "best viewed with",
    "problems viewing this page",
    "should not be construed as an endorsement",
    "does not constitute an endorsement",
};

}  // namespace

bool IsCaptionWithCredit(absl::string_view trimmed) {
  if (trimmed.size() > kLongestCaption) return false;
  // The keys are ASCII: lowering keeps every byte's offset.
  const std::string lower = absl::AsciiStrToLower(trimmed);
  // A credit is a name: it opens with a capital ("Photo: Europol"), where a
  // sentence's "image: a dove" does not.
  auto credit_at = [&](size_t at) {
    const absl::string_view credit = absl::StripLeadingAsciiWhitespace(trimmed.substr(at));
    return !credit.empty() &&
           (absl::ascii_isupper(static_cast<unsigned char>(credit.front())) ||
            static_cast<unsigned char>(credit.front()) >= 0xC0) &&
           IsCredit(credit);
  };
  // The caption's own words before the credit: a few at least ("Photo:
  // Europol" alone is a credit line, read elsewhere).
  auto caption_before = [&](size_t at) {
    return CountWordsUpTo(trimmed.substr(0, at), kLeastCaptionWords) >= kLeastCaptionWords;
  };
  // "… eastern Chad. © UNHCR/Issa Mahamat": a caption's sentence before
  // the sign; "© UNHCR 2001-2024" alone is a copyright line.
  const size_t sign = trimmed.rfind("\xC2\xA9");
  if (sign != absl::string_view::npos && sign > 0 && trimmed[sign - 1] == ' ' &&
      EndsSentence(absl::StripTrailingAsciiWhitespace(trimmed.substr(0, sign))) &&
      caption_before(sign) && credit_at(sign + 2)) {
    return true;
  }
  for (absl::string_view key : kCreditKeys) {
    const size_t at = absl::string_view(lower).rfind(key);
    if (at == absl::string_view::npos || at == 0) continue;
    if (caption_before(at) && credit_at(at + key.size())) return true;
  }
  return false;
}

bool IsSiteNotice(absl::string_view folded) {
  constexpr size_t kLongestNotice = 400;
  if (folded.size() > kLongestNotice) return false;
  for (absl::string_view phrase : kNoticePhrases) {
    if (absl::StrContains(folded, phrase)) return true;
  }
  // An acknowledgement of country: the custodians and the elders together,
  // said by the site ("We acknowledge", "The Parliament … acknowledges"),
  // not by a speaker ("I acknowledge").
  const bool custodians = absl::StrContains(folded, "traditional custodians") ||
                          absl::StrContains(folded, "traditional owners");
  const bool elders = absl::StrContains(folded, "elders past");
  if (custodians && elders && !absl::StartsWith(folded, "i ") &&
      !absl::StartsWith(folded, "i'd ") && !absl::StartsWith(folded, "i would")) {
    return true;
  }
  return false;
}

bool IsWatchOrShareLink(absl::string_view folded) {
  constexpr size_t kLongestLink = 60;
  if (folded.size() > kLongestLink) return false;
  for (absl::string_view opening :
       {"watch the video", "watch the webcast", "watch the livestream", "watch the full video"}) {
    if (absl::StartsWith(folded, opening)) return true;
  }
  for (absl::string_view share : {"compartilhe por ", "compartilhe no ", "compartilhe na ",
                                  "compartir por ", "condividi su ", "partager sur "}) {
    if (absl::StartsWith(folded, share)) return true;
  }
  return false;
}

}  // namespace docsearch::ingest
