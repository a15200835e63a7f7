// Counter-examples a review wrote against the twelfth round's rules
// (docs/INGEST.md, "Speeches and short sentences in other scripts"),
// rewritten for the test; the sites and texts are invented.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "tests/parser/parse_text.h"

namespace docsearch::ingest {
namespace {

// Short lines ending in a question, an ellipsis or a footer's full stop
// stay furniture; a caption's credit too, and the sentence under it stays.
constexpr char kRussianNewsWithWidgets[] = R"(Правительство области
Русский
English
Главная / Новости
Губернатор открыл новую школу в районном центре
15 марта 2024 года
Губернатор области открыл новую школу на 800 учеников в районном центре после двух лет строительства.
В школе оборудованы лаборатории, спортивный зал и библиотека с современным читальным залом.
Фото: ТАСС.
Занятия начнутся в сентябре.
Ещё...
Нашли ошибку?
Все права защищены.
)";

TEST(TwelfthRoundCounterExamples, WidgetsLinksAndFootersStayFurniture) {
  const v1::Document document = ParseText(kRussianNewsWithWidgets);
  EXPECT_EQ(document.title(), "Губернатор открыл новую школу в районном центре");
  EXPECT_TRUE(BodyHolds(document, "Занятия начнутся в сентябре."));
  for (const char* furniture : {"Фото", "Ещё", "Нашли ошибку", "Все права защищены"}) {
    EXPECT_FALSE(BodyHolds(document, furniture)) << furniture;
  }
}

// A label after the date and a bar is the text's label, not its place.
constexpr char kRussianStatementDateAndLabel[] = R"(Министерство иностранных дел
Главная / Пресс-служба
О ситуации на Ближнем Востоке
12 марта 2024 | Заявление
Министерство выражает глубокую озабоченность продолжающимся обострением обстановки в регионе.
Мы призываем все стороны к сдержанности и к возобновлению переговоров без предварительных условий.
)";

TEST(TwelfthRoundCounterExamples, ALabelAfterTheDateAndABarIsNoPlace) {
  const v1::Document document = ParseText(kRussianStatementDateAndLabel);
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
  EXPECT_EQ(document.published().day(), 12);
}

}  // namespace
}  // namespace docsearch::ingest
