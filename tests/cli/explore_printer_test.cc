#include "cli/explore_printer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace docsearch::cli {
namespace {

namespace v1 = docsearch::v1;
using ::testing::HasSubstr;

TEST(RenderSimilar, TableOfHitsWithTitlesAndMatchedWords) {
  v1::FindSimilarResponse response;
  response.add_query_terms("russia");
  response.add_query_terms("council");
  v1::SimilarHit* hit = response.add_hits();
  hit->set_id("2002-05-28-rome-declaration");
  hit->set_score(12.345);
  hit->set_title("NATO-Russia Relations: a New Quality");
  hit->set_doc_type(v1::DOC_TYPE_COMMUNIQUE);
  hit->mutable_published()->set_year(2002);
  hit->mutable_published()->set_month(5);
  hit->mutable_published()->set_day(28);
  hit->add_matched_terms("russia");
  hit->add_matched_terms("council");
  response.set_total_size(42);

  EXPECT_EQ(RenderSimilar(response, "2001-12-07-x", 0),
            "Like 2001-12-07-x\n"
            "looking for: russia, council\n"
            "\n"
            "#  SCORE  DATE        TYPE        ID\n"
            "1  12.35  2002-05-28  communique  2002-05-28-rome-declaration\n"
            "     NATO-Russia Relations: a New Quality\n"
            "     matched: russia, council\n"
            "\n"
            "1 shown of 42 documents sharing a term\n");
}

TEST(RenderSimilar, SaysSoWhenNothingIsSimilar) {
  EXPECT_THAT(RenderSimilar(v1::FindSimilarResponse(), "text notes.txt", 80),
              HasSubstr("Like text notes.txt\n\nNo similar documents.\n"));
}

TEST(RenderTrend, OneTablePerTermWithBarsOfDocuments) {
  v1::TermTrendResponse response;
  v1::TermSeries* series = response.add_series();
  series->set_term("missile defence");
  series->set_key("missil defenc");
  int documents = 0;
  for (const char* period : {"2001", "2002", "2003"}) {
    v1::TrendPoint* point = series->add_points();
    point->set_period(period);
    point->set_documents(documents);
    point->set_occurrences(documents * 3);
    point->set_period_documents(1200);
    documents += 10;
  }
  series->set_undated_documents(2);
  response.add_series()->set_term("nothing");

  EXPECT_EQ(RenderTrend(response),
            "\"missile defence\" (as missil defenc)\n"
            "  PERIOD  DOCS     OF  OCCURRENCES\n"
            "  2001       0  1,200            0\n"
            "  2002      10  1,200           30  " +
                std::string(20, '#') +
                "\n"
                "  2003      20  1,200           60  " +
                std::string(40, '#') +
                "\n"
                "  + 2 undated documents\n"
                "\n"
                "\"nothing\"\n"
                "  (no dated documents)\n");
}

TEST(RenderDuplicates, PairsWithResemblanceAndTitles) {
  v1::FindNearDuplicatesResponse response;
  v1::NearDuplicatePair* pair = response.add_pairs();
  pair->set_id_a("statement");
  pair->set_id_b("statement-copy");
  pair->set_resemblance(0.934);
  pair->set_simhash_distance(3);
  pair->set_title_a("Joint Statement");
  pair->set_title_b("Joint Statement (corrected)");

  EXPECT_EQ(RenderDuplicates(response, 0),
            "RESEMBLANCE  SIMHASH  A          B\n"
            "       0.93        3  statement  statement-copy\n"
            "     A: Joint Statement\n"
            "     B: Joint Statement (corrected)\n"
            "\n"
            "1 pair\n");
  EXPECT_EQ(RenderDuplicates(v1::FindNearDuplicatesResponse(), 0), "No near-duplicates.\n");
  response.mutable_pairs(0)->clear_title_a();
  EXPECT_THAT(RenderDuplicates(response, 0), HasSubstr("     A: (untitled)\n"));
}

TEST(RenderDuplicates, ClustersWithTheCanonicalCopyFirstAndTheNextPage) {
  v1::FindNearDuplicatesResponse response;
  response.set_total_clusters(3);
  response.set_min_resemblance(0.5);
  response.set_next_page_token("TOKEN");
  v1::NearDuplicateCluster* cluster = response.add_clusters();
  cluster->set_cluster_id("statement");
  v1::NearDuplicateMember* first = cluster->add_members();
  first->set_id("statement");
  first->set_title("Joint Statement");
  first->set_canonical(true);
  first->set_resemblance(1);
  first->mutable_published()->set_year(2001);
  first->mutable_published()->set_month(12);
  first->mutable_published()->set_day(7);
  v1::NearDuplicateMember* copy = cluster->add_members();
  copy->set_id("mirror");
  copy->set_resemblance(0.906);

  EXPECT_EQ(RenderDuplicates(response, 0),
            "CLUSTER statement  (2 documents)\n"
            "     * 2001-12-07  1.00  statement  Joint Statement\n"
            "       undated     0.91  mirror     (untitled)\n"
            "\n"
            "1 of 3 clusters (resemblance >= 0.50; * canonical: earliest, then most complete)\n"
            "Next page: --page_token=TOKEN\n");
}

TEST(RenderSets, BothSetsThenTheWordsAndPhrasesTypicalOfEach) {
  v1::CompareSetsResponse response;
  response.set_documents_a(1);
  response.set_analyzed_a(1);
  response.set_documents_b(12000);
  response.set_analyzed_b(5000);
  v1::SignificantTerm* term = response.add_terms_b();
  term->set_text("interoperability");
  term->set_key("interoper");
  term->set_documents_b(1200);
  term->set_score(12.345);
  term = response.add_phrases_a();
  term->set_text("search and rescue at sea");
  term->set_documents_a(1);
  term->set_score(3.5);

  EXPECT_EQ(RenderSets(response, "published:2001", "published:[2003 TO *]", 0),
            "A: published:2001\n"
            "   1 document\n"
            "B: published:[2003 TO *]\n"
            "   12,000 documents (5,000 tallied)\n"
            "\n"
            "Words typical of A\n"
            "  (none)\n"
            "\n"
            "Phrases typical of A\n"
            "  SCORE  DOCS A  DOCS B  TEXT\n"
            "    3.5       1       0  search and rescue at sea\n"
            "\n"
            "Words typical of B\n"
            "  SCORE  DOCS A  DOCS B  TEXT\n"
            "   12.3       0   1,200  interoperability\n"
            "\n"
            "Phrases typical of B\n"
            "  (none)\n"
            "\n"
            "SCORE: log-likelihood ratio of the document counts (above 3.8: p < 0.05; above 10.8: "
            "p < 0.001)\n");
}

TEST(RenderSets, SaysSoWhenASetIsEmpty) {
  v1::CompareSetsResponse response;
  response.set_documents_a(2);
  response.set_analyzed_a(2);
  EXPECT_THAT(RenderSets(response, "russia", "colour", 80),
              HasSubstr("\nNothing to compare: B matches no document.\n"));
}

}  // namespace
}  // namespace docsearch::cli
