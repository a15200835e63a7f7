#include "ingest_service/parser/breadcrumb_section.h"

#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/boilerplate.h"

namespace docsearch::ingest {
namespace {

using ::docsearch::v1::DocType;
using ::testing::Optional;

TEST(BreadcrumbSection, TheLastStepThatIsNoDateNamesTheSection) {
  EXPECT_THAT(DocTypeFromBreadcrumb("Home \xE2\x80\xBA News \xE2\x80\xBA 18 January 2024"),
              Optional(v1::DOC_TYPE_UPDATE));
  EXPECT_THAT(DocTypeFromBreadcrumb("Você está aqui: Página Inicial > Acompanhe o Planalto > "
                                    "Notícias > 2024 > 04"),
              Optional(v1::DOC_TYPE_UPDATE));
  EXPECT_THAT(DocTypeFromBreadcrumb("Home > News > News releases"),
              Optional(v1::DOC_TYPE_PRESS_RELEASE));
  // A chain of short steps that does not open at the home page.
  EXPECT_THAT(DocTypeFromBreadcrumb("President of Russia / Events / News"),
              Optional(v1::DOC_TYPE_UPDATE));
  // The section's name with its publisher's after it.
  EXPECT_THAT(DocTypeFromBreadcrumb("Início > Notícias > Notícias STF"),
              Optional(v1::DOC_TYPE_UPDATE));
}

TEST(BreadcrumbSection, MixedSectionsMenusAndTextNameNoType) {
  // A section of mixed kinds, or a step naming a kind the sections do not.
  EXPECT_EQ(DocTypeFromBreadcrumb("Home / News & Events"), std::nullopt);
  EXPECT_EQ(DocTypeFromBreadcrumb("Home  /  Newsroom  /  News Archive  /  2019"), std::nullopt);
  EXPECT_EQ(DocTypeFromBreadcrumb("Home / The Secretary-General / Statements / Press encounter"),
            std::nullopt);
  // A menu printed with pipes is no path.
  EXPECT_EQ(DocTypeFromBreadcrumb("Home | About | News"), std::nullopt);
  // Two steps not from the home page, and a sentence with slashes.
  EXPECT_EQ(DocTypeFromBreadcrumb("Defence / News"), std::nullopt);
  EXPECT_EQ(DocTypeFromBreadcrumb("The ministers met in Brussels / Bruxelles to review the news."),
            std::nullopt);
  // Only dates after home.
  EXPECT_EQ(DocTypeFromBreadcrumb("Home > 2024 > 04"), std::nullopt);
  EXPECT_TRUE(IsBreadcrumbPath("Home > 2024 > 04"));
  EXPECT_FALSE(IsBreadcrumbPath("Defence / News"));
}

TEST(BreadcrumbSection, PassesOverMonthsAndARepeatedHeadline) {
  EXPECT_THAT(DocTypeFromBreadcrumb("Home \xC2\xBB Speeches \xC2\xBB 2024 \xC2\xBB April"),
              Optional(v1::DOC_TYPE_SPEECH));
  EXPECT_THAT(
      DocTypeFromBreadcrumb("Home > News > Minister opens the new hospital in the north today"),
      Optional(v1::DOC_TYPE_UPDATE));
}

// A section's archive holds the section's kind, but a news archive holds
// stories of every kind; "Communiqués" files press releases on a
// French-speaking site's path only.
TEST(BreadcrumbSection, ArchivesAndCommuniques) {
  EXPECT_EQ(DocTypeFromBreadcrumb("Home > News and Media > Press Release Archive > 2018 > June"),
            v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromBreadcrumb("Home > Media > Speeches archive"), v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromBreadcrumb("Home / Newsroom / News Archive / 2019"), std::nullopt);
  EXPECT_EQ(DocTypeFromBreadcrumb("Page d'accueil > Documentation > Communiqués"),
            v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromBreadcrumb("Home > Official texts > Communiqués"), std::nullopt);
}

// A path of three steps not from the home page may leave one section
// after its dates; a section's page for a year names the section.
TEST(BreadcrumbSection, OneSectionLeftAndASectionsYear) {
  EXPECT_EQ(DocTypeFromBreadcrumb("Press releases > 2000 > June"), v1::DOC_TYPE_PRESS_RELEASE);
  EXPECT_EQ(DocTypeFromBreadcrumb("Home > News and events > News archives > News 2024"),
            v1::DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromBreadcrumb("Home > Speeches 2019"), v1::DOC_TYPE_SPEECH);
  EXPECT_EQ(DocTypeFromBreadcrumb("Home > Vision 2030"), std::nullopt);
  // "You are here" in Dutch and German.
  EXPECT_EQ(DocTypeFromBreadcrumb("U bevindt zich hier: Home / Actueel / Nieuws"),
            v1::DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromBreadcrumb("Sie befinden sich hier: Startseite | Presse | Reden"),
            v1::DOC_TYPE_SPEECH);
  EXPECT_TRUE(IsHomeStepLine(" Accueil "));
  EXPECT_TRUE(IsHomeStepLine("Startseite"));
  EXPECT_FALSE(IsHomeStepLine("Home Office"));
}

}  // namespace
}  // namespace docsearch::ingest

namespace docsearch::ingest {
namespace {

// A section's name with whose it is after it: a link word, or in
// Indonesian and Malay none.
TEST(BreadcrumbSection, ASectionNamedWithItsOwnerAfterIt) {
  EXPECT_EQ(DocTypeFromBreadcrumb("Beranda > Berita > Berita Perwakilan"), v1::DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromBreadcrumb("Inicio > Sala de prensa > Noticias del Ministerio"),
            v1::DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromBreadcrumb("Home > Newsroom > Speeches of the Minister"),
            v1::DOC_TYPE_SPEECH);
  // A mixed section stays untyped, whoever owns it.
  EXPECT_FALSE(DocTypeFromBreadcrumb("Home > News and Events of the Embassy").has_value());
}

// Paths in scripts other than Latin: from their home page, or after "you
// are here" in Chinese, they are the site's navigation, and their last
// step names the section.
TEST(BreadcrumbSection, PathsInOtherScripts) {
  EXPECT_EQ(BoilerplateReason("홈 > 알림마당 > 대사관 소식"), "navigation");
  EXPECT_EQ(BoilerplateReason("当前位置：首页 > 外交部长 > 活动"), "navigation");
  EXPECT_EQ(BoilerplateReason("Почетна / Вести / Активности министра"), "navigation");
  EXPECT_EQ(DocTypeFromBreadcrumb("მთავარი / სიახლეები"), v1::DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromBreadcrumb("Главная / Пресс-центр / Новости"), v1::DOC_TYPE_UPDATE);
  EXPECT_EQ(DocTypeFromBreadcrumb("الرئيسية > المركز الإعلامي > البيانات الصحفية"),
            v1::DOC_TYPE_PRESS_RELEASE);
  // Without a known home, a chain in another script is a path only when
  // its steps read as section names: not a headline's places, a list, a
  // subheading or a date line.
  EXPECT_FALSE(BoilerplateReason("Москва / Казань / Сочи: новые авиарейсы").has_value());
  EXPECT_FALSE(BoilerplateReason("овощи / фрукты / ягоды").has_value());
  EXPECT_FALSE(BoilerplateReason("Ключевая ставка > инфляция > ожидания").has_value());
  EXPECT_FALSE(BoilerplateReason("Спорт / Хоккей / 12.03.2024").has_value());
  EXPECT_TRUE(IsBreadcrumbPath("Пресс-центр / Новости / Интервью"));
  // A sentence with slashes is no path.
  EXPECT_FALSE(
      BoilerplateReason("Министр сообщил, что 3/4 работ завершены и/или начаты.").has_value());
}

}  // namespace
}  // namespace docsearch::ingest
