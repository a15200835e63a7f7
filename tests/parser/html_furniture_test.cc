// Which class and id names mark page furniture (html_furniture.h).
#include "ingest_service/parser/html_furniture.h"

#include "gtest/gtest.h"

namespace docsearch::ingest {
namespace {

TEST(NamesFurniture, ReadsWholeWordsOfTheName) {
  EXPECT_TRUE(NamesFurniture("breadcrumb"));
  EXPECT_TRUE(NamesFurniture("top-social-bar"));
  EXPECT_TRUE(NamesFurniture("related_news"));
  EXPECT_TRUE(NamesFurniture("col-md-4 Sidebar"));
  EXPECT_TRUE(NamesFurniture("cookie-notice"));
  // Furniture words inside longer words are not read: "menus", "navy",
  // "shareholders", "advertising-standards" stay.
  EXPECT_FALSE(NamesFurniture("menus"));
  EXPECT_FALSE(NamesFurniture("navy-statement"));
  EXPECT_FALSE(NamesFurniture("shareholders"));
  EXPECT_FALSE(NamesFurniture(""));
}

TEST(NamesFurniture, KeepsNamesThatAlsoSayContent) {
  EXPECT_FALSE(NamesFurniture("sidebar-content"));
  EXPECT_FALSE(NamesFurniture("main nav-offset"));
  EXPECT_FALSE(NamesFurniture("article share"));
  // Neither an article's header nor a banner is furniture by name: they
  // often hold the headline.
  EXPECT_FALSE(NamesFurniture("article-header"));
  EXPECT_FALSE(NamesFurniture("hero-banner"));
}

}  // namespace
}  // namespace docsearch::ingest
