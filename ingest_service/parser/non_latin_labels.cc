#include "ingest_service/parser/non_latin_labels.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"

namespace docsearch::ingest {
namespace {

using docsearch::v1::DocType;

constexpr DocType kRelease = v1::DOC_TYPE_PRESS_RELEASE;
constexpr DocType kStatement = v1::DOC_TYPE_PRESS_STATEMENT;
constexpr DocType kSpeech = v1::DOC_TYPE_SPEECH;
constexpr DocType kUpdate = v1::DOC_TYPE_UPDATE;
constexpr DocType kCommunique = v1::DOC_TYPE_COMMUNIQUE;
constexpr DocType kDeclaration = v1::DOC_TYPE_DECLARATION;
// Kinds the enum does not name (press conferences, interviews, briefings).
constexpr DocType kOther = v1::DOC_TYPE_OTHER;

struct Name {
  absl::string_view printed;  // As a site prints it; folded when the table is built.
  DocType type;
};

// One text's label. A joint statement is a statement and a joint
// declaration a declaration, as in the Latin table.
constexpr Name kLabels[] = {
    // Russian.
    {"Пресс-релиз", kRelease},
    {"Сообщение для прессы", kRelease},
    {"Заявление", kStatement},
    {"Совместное заявление", kStatement},
    {"Выступление", kSpeech},
    {"Речь", kSpeech},
    {"Обращение", kSpeech},
    {"Коммюнике", kCommunique},
    {"Совместное коммюнике", kCommunique},
    {"Декларация", kDeclaration},
    {"Совместная декларация", kDeclaration},
    {"Новость", kUpdate},
    {"Интервью", kOther},
    {"Стенограмма", kOther},
    {"Пресс-конференция", kOther},
    {"Брифинг", kOther},
    // Ukrainian.
    {"Прес-реліз", kRelease},
    {"Заява", kStatement},
    {"Спільна заява", kStatement},
    {"Виступ", kSpeech},
    {"Промова", kSpeech},
    {"Звернення", kSpeech},
    {"Комюніке", kCommunique},
    {"Декларація", kDeclaration},
    {"Новина", kUpdate},
    {"Інтерв'ю", kOther},
    {"Брифінг", kOther},
    // Bulgarian.
    {"Прессъобщение", kRelease},
    {"Съобщение", kRelease},
    {"Позиция", kStatement},
    {"Изявление", kStatement},
    {"Съвместно изявление", kStatement},
    {"Реч", kSpeech},
    {"Обръщение", kSpeech},
    // Serbian, Macedonian.
    {"Саопштење", kRelease},
    {"Саопштење за јавност", kRelease},
    {"Соопштение", kRelease},
    {"Изјава", kStatement},
    {"Заједничка изјава", kStatement},
    {"Говор", kSpeech},
    {"Обраћање", kSpeech},
    {"Вест", kUpdate},
    {"Декларација", kDeclaration},
    // Greek.
    {"Δελτίο Τύπου", kRelease},
    {"Ανακοίνωση", kStatement},
    {"Δήλωση", kStatement},
    {"Κοινή Δήλωση", kStatement},
    {"Ομιλία", kSpeech},
    {"Χαιρετισμός", kSpeech},
    {"Ανακοινωθέν", kCommunique},
    {"Κοινό Ανακοινωθέν", kCommunique},
    {"Διακήρυξη", kDeclaration},
    {"Συνέντευξη", kOther},
    {"Συνέντευξη Τύπου", kOther},
    // Arabic.
    {"بيان صحفي", kRelease},
    {"بيان صحافي", kRelease},
    {"بلاغ صحفي", kRelease},
    {"بلاغ", kRelease},
    {"بيان", kStatement},
    {"بيان مشترك", kStatement},
    {"تصريح", kStatement},
    {"تصريح صحفي", kStatement},
    {"كلمة", kSpeech},
    {"خطاب", kSpeech},
    {"إعلان مشترك", kDeclaration},
    {"خبر", kUpdate},
    {"مؤتمر صحفي", kOther},
    {"مقابلة", kOther},
    // Persian.
    {"بیانیه", kStatement},
    {"بیانیه مشترک", kStatement},
    {"اطلاعیه", kRelease},
    {"سخنرانی", kSpeech},
    {"مصاحبه", kOther},
    {"نشست خبری", kOther},
    // Hebrew.
    {"הודעה לעיתונות", kRelease},
    {"הודעה לתקשורת", kRelease},
    {"הודעת דוברות", kRelease},
    {"הצהרה", kStatement},
    {"הצהרה משותפת", kStatement},
    {"נאום", kSpeech},
    {"ראיון", kOther},
    // Chinese, simplified and traditional.
    {"新闻稿", kRelease},
    {"新聞稿", kRelease},
    {"声明", kStatement},
    {"聲明", kStatement},
    {"联合声明", kStatement},
    {"聯合聲明", kStatement},
    {"谈话", kStatement},
    {"談話", kStatement},
    {"讲话", kSpeech},
    {"講話", kSpeech},
    {"致辞", kSpeech},
    {"致詞", kSpeech},
    {"演讲", kSpeech},
    {"演講", kSpeech},
    {"公报", kCommunique},
    {"公報", kCommunique},
    {"联合公报", kCommunique},
    {"聯合公報", kCommunique},
    {"宣言", kDeclaration},
    {"记者会", kOther},
    {"記者會", kOther},
    {"答记者问", kOther},
    {"新闻发布会", kOther},
    // Japanese.
    {"報道発表", kRelease},
    {"報道発表資料", kRelease},
    {"報道資料", kRelease},
    {"プレスリリース", kRelease},
    {"共同声明", kStatement},
    {"演説", kSpeech},
    {"スピーチ", kSpeech},
    {"挨拶", kSpeech},
    {"あいさつ", kSpeech},
    {"記者会見", kOther},
    {"インタビュー", kOther},
    // Korean.
    {"보도자료", kRelease},
    {"보도 자료", kRelease},
    {"성명", kStatement},
    {"공동성명", kStatement},
    {"논평", kStatement},
    {"연설", kSpeech},
    {"연설문", kSpeech},
    {"축사", kSpeech},
    {"기념사", kSpeech},
    {"선언", kDeclaration},
    {"공동선언", kDeclaration},
    {"브리핑", kOther},
    {"기자회견", kOther},
    {"인터뷰", kOther},
    // Thai.
    {"ข่าวประชาสัมพันธ์", kRelease},
    {"แถลงการณ์", kStatement},
    {"แถลงการณ์ร่วม", kStatement},
    {"สุนทรพจน์", kSpeech},
    // Georgian.
    {"პრესრელიზი", kRelease},
    {"განცხადება", kStatement},
    {"სიახლე", kUpdate},
    // Armenian.
    {"Մամուլի հաղորդագրություն", kRelease},
    {"Հաղորդագրություն", kRelease},
    {"Հայտարարություն", kStatement},
    {"Ելույթ", kSpeech},
    {"Ուղերձ", kSpeech},
    // Hindi.
    {"प्रेस विज्ञप्ति", kRelease},
    {"विज्ञप्ति", kRelease},
    {"वक्तव्य", kStatement},
    {"बयान", kStatement},
    {"भाषण", kSpeech},
};

// Sections of one kind, as menus and breadcrumbs name them. Mixed sections
// ("Пресс-центр", "Γραφείο Τύπου", "المركز الإعلامي": press rooms) name
// none.
constexpr Name kSections[] = {
    // Russian, Ukrainian, Bulgarian, Serbian.
    {"Новости", kUpdate},
    {"Пресс-релизы", kRelease},
    {"Заявления", kStatement},
    {"Выступления", kSpeech},
    {"Новини", kUpdate},
    {"Прес-релізи", kRelease},
    {"Заяви", kStatement},
    {"Виступи", kSpeech},
    {"Прессъобщения", kRelease},
    {"Изявления", kStatement},
    {"Речи", kSpeech},
    {"Вести", kUpdate},
    {"Саопштења", kRelease},
    {"Изјаве", kStatement},
    {"Говори", kSpeech},
    // Greek.
    {"Νέα", kUpdate},
    {"Ειδήσεις", kUpdate},
    {"Δελτία Τύπου", kRelease},
    {"Δηλώσεις", kStatement},
    {"Ομιλίες", kSpeech},
    // Arabic.
    {"أخبار", kUpdate},
    {"الأخبار", kUpdate},
    {"بيانات صحفية", kRelease},
    {"البيانات الصحفية", kRelease},
    {"البيانات", kStatement},
    {"كلمات", kSpeech},
    {"الكلمات", kSpeech},
    {"الخطب", kSpeech},
    // Persian.
    {"اخبار", kUpdate},
    {"بیانیه‌ها", kStatement},
    {"سخنرانی‌ها", kSpeech},
    // Hebrew.
    {"חדשות", kUpdate},
    {"הודעות לעיתונות", kRelease},
    {"הודעות דוברות", kRelease},
    {"נאומים", kSpeech},
    // Chinese.
    {"新闻", kUpdate},
    {"新聞", kUpdate},
    {"要闻", kUpdate},
    {"要聞", kUpdate},
    {"新闻动态", kUpdate},
    {"新聞動態", kUpdate},
    {"新闻稿", kRelease},
    {"新聞稿", kRelease},
    {"讲话", kSpeech},
    {"講話", kSpeech},
    // Japanese.
    {"ニュース", kUpdate},
    {"お知らせ", kUpdate},
    {"報道発表", kRelease},
    {"報道資料", kRelease},
    {"プレスリリース", kRelease},
    {"談話", kStatement},
    {"演説", kSpeech},
    // Korean.
    {"뉴스", kUpdate},
    {"소식", kUpdate},
    {"보도자료", kRelease},
    {"성명", kStatement},
    {"논평", kStatement},
    {"연설문", kSpeech},
    // Thai, Georgian, Armenian, Hindi.
    {"ข่าว", kUpdate},
    {"ข่าวประชาสัมพันธ์", kRelease},
    {"სიახლეები", kUpdate},
    {"პრესრელიზები", kRelease},
    {"განცხადებები", kStatement},
    {"Լուրեր", kUpdate},
    {"Հաղորդագրություններ", kRelease},
    {"Ելույթներ", kSpeech},
    {"समाचार", kUpdate},
    {"प्रेस विज्ञप्तियां", kRelease},
    {"भाषण", kSpeech},
};

// Lines longer than this are no label or section name.
constexpr size_t kLongestName = 80;

bool IsCharToDrop(UChar32 c) {
  // Marks (accents, vowel signs: dropped alike from the table and the
  // line), joiners, the Arabic elongation and direction marks.
  return u_charType(c) == U_NON_SPACING_MARK || c == 0x200C || c == 0x200D || c == 0x0640 ||
         c == 0x200E || c == 0x200F;
}

bool IsFurnitureChar(char c) {
  return c == '|' || c == ':' || c == '.' || c == '*' || c == '-' || c == ' ';
}

// Case-folded, marks dropped, dashes and spaces made ASCII, one space
// between words, furniture around the name removed.
std::string FoldName(absl::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  source.foldCase();
  const icu::UnicodeString decomposed = nfd->normalize(source, status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (IsCharToDrop(c)) continue;
    if (c == 0xFF1A) c = ':';  // Fullwidth colon.
    if (u_hasBinaryProperty(c, UCHAR_DASH)) c = '-';
    if (u_isUWhiteSpace(c)) c = ' ';
    kept.append(c);
  }
  std::string utf8;
  kept.toUTF8String(utf8);
  std::string out;
  for (char c : utf8) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  absl::string_view view = out;
  while (!view.empty() && IsFurnitureChar(view.front())) view.remove_prefix(1);
  while (!view.empty() && IsFurnitureChar(view.back())) view.remove_suffix(1);
  return std::string(view);
}

using FoldedTable = absl::flat_hash_map<std::string, DocType>;

FoldedTable Fold(absl::Span<const Name> names) {
  FoldedTable table;
  for (const Name& name : names) table.emplace(FoldName(name.printed), name.type);
  return table;
}

std::optional<DocType> Lookup(const FoldedTable& table, absl::string_view line) {
  if (line.size() > kLongestName || !OpensWithNonLatinLetter(line)) return std::nullopt;
  const auto found = table.find(FoldName(line));
  if (found == table.end()) return std::nullopt;
  return found->second;
}

}  // namespace

bool OpensWithNonLatinLetter(absl::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    const unsigned char byte = line[i];
    if (byte < 0x80) {
      if (absl::ascii_isalnum(byte)) return false;
      ++i;
      continue;
    }
    UChar32 c = 0;
    int32_t at = static_cast<int32_t>(i);
    U8_NEXT(line.data(), at, static_cast<int32_t>(line.size()), c);
    i = static_cast<size_t>(at);
    if (c < 0) return false;
    // Direction marks and bullets before the name.
    if (c == 0x200E || c == 0x200F || c == 0x2022) continue;
    // Latin letters beyond Latin-1 (Latin Extended Additional, fullwidth
    // Latin) are the Latin tables'.
    return u_isalpha(c) && c >= 0x0370 && !(c >= 0x1E00 && c <= 0x1EFF) &&
           !(c >= 0xFF21 && c <= 0xFF5A);
  }
  return false;
}

std::optional<DocType> NonLatinLabelType(absl::string_view line) {
  static const FoldedTable* const kTable = new FoldedTable(Fold(kLabels));
  return Lookup(*kTable, line);
}

// Chinese, Japanese and Korean put the head noun last: "總統府新聞"
// (the Presidential Office's news), "대사관 소식" (the embassy's news).
// Their lead bytes: 0xE3..0xE9 (kana, ideographs), 0xEA..0xED (Hangul).
bool IsCjkOrHangul(absl::string_view text) {
  if (text.empty()) return false;
  const unsigned char lead = text.front();
  return lead >= 0xE3 && lead <= 0xED;
}

std::optional<DocType> NonLatinSectionType(absl::string_view line) {
  static const FoldedTable* const kTable = new FoldedTable(Fold(kSections));
  if (std::optional<DocType> type = Lookup(*kTable, line)) return type;
  if (line.size() > kLongestName || !OpensWithNonLatinLetter(line)) return std::nullopt;
  // A section's name after the name of who keeps it: the owner is a few
  // characters (a word or two), the name at least two.
  constexpr size_t kLongestOwnerBytes = 24;
  constexpr size_t kShortestNameBytes = 6;
  // Asked of the line as printed: folding decomposes Hangul into its jamo.
  if (!IsCjkOrHangul(absl::StripLeadingAsciiWhitespace(line))) return std::nullopt;
  const std::string folded = FoldName(line);
  for (size_t cut = 1; cut < folded.size() && cut <= kLongestOwnerBytes; ++cut) {
    // Only at a character's first byte (not a continuation byte 10xxxxxx).
    if ((static_cast<unsigned char>(folded[cut]) & 0xC0) == 0x80) continue;
    absl::string_view name = absl::string_view(folded).substr(cut);
    absl::ConsumePrefix(&name, " ");
    if (name.size() < kShortestNameBytes) break;
    if (const auto found = kTable->find(name); found != kTable->end()) return found->second;
  }
  return std::nullopt;
}

}  // namespace docsearch::ingest
