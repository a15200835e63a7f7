// The title run decided from what headlines are in general: the URL slug
// and the page <title> naming it, and repairs of the chosen run's edges.
// Documents and addresses written for the test.
#include "ingest_service/parser/title_run.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/document_parser.h"
#include "ingest_service/parser/title_hints.h"

namespace docsearch::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(TitleHints, WhatStandsAboveTheNamedHeadlineIsTheHead) {
  v1::RawDocument raw;
  raw.set_content(
      "An official website of the Example Government\n"
      "A .gov website belongs to an official government organization in the Republic of "
      "Example.\n\nNews | June 18, 2013\n\nCommander Congratulates People on Milestone\n\n"
      "CITY, Example (June 18, 2013) - The following is a statement by the commander of the "
      "mission on the handover.\n\nToday the people of Example take the lead for their own "
      "security across the whole country.\n");
  raw.set_source_uri("https://mission.example/news/article/884/commander-congratulates-people");
  absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, {});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const v1::Document& document = parsed->document();
  EXPECT_EQ(document.title(), "Commander Congratulates People on Milestone");
  EXPECT_EQ(document.doc_type(), v1::DOC_TYPE_PRESS_STATEMENT);
  for (const v1::Paragraph& paragraph : document.paragraphs()) {
    EXPECT_EQ(paragraph.text().find("website"), std::string::npos) << paragraph.text();
  }
  ASSERT_GE(document.paragraphs_size(), 2);
  EXPECT_EQ(document.paragraphs(document.paragraphs_size() - 1).text(),
            "Today the people of Example take the lead for their own security across the whole "
            "country.");
}

// Lines as the model reads them: the non-blank lines, by index.
struct Lines {
  explicit Lines(const std::string& text) : storage(text) {
    int number = 0;
    for (absl::string_view line : absl::StrSplit(storage, '\n')) {
      source.push_back({line, ++number});
      if (!line.empty()) {
        LineFeatures line_features;
        line_features.line_index = source.size() - 1;
        features.push_back(line_features);
      }
    }
  }
  std::string Repair(size_t begin, size_t end) {
    TitleCandidate run;
    run.begin = begin;
    run.end = end;
    RepairTitleRun(source, features, &run);
    return JoinRunLines(source, features, run.begin, run.end);
  }
  std::string storage;
  std::vector<SourceLine> source;
  std::vector<LineFeatures> features;
};

TEST(TitleHints, SlugIsTheLastPathSegmentOfThreeWordsOrMore) {
  EXPECT_THAT(UrlSlugWords("https://example.org/news/2016/04/04/remarks-president-after-meeting"),
              ElementsAre("remarks", "president", "meeting"));
  EXPECT_THAT(UrlSlugWords("https://example.org/Declaration-finale-du-sommet_a106012.html?x=1"),
              ElementsAre("declaration", "finale", "sommet"));
  EXPECT_THAT(UrlSlugWords("https://example.org/docu/pr/1998/p98-143e.htm"), IsEmpty());
  EXPECT_THAT(UrlSlugWords("http://example.org/en/meetings/gac/2017/09/25/"), IsEmpty());
  EXPECT_THAT(UrlSlugWords("https://example.org"), IsEmpty());
  EXPECT_THAT(UrlSlugWords(""), IsEmpty());
}

TEST(TitleHints, EachHintWordCountsOnceAndPluralsMeet) {
  const std::vector<std::string> slug =
      UrlSlugWords("https://x.org/statement-on-natos-anniversary");
  const HintMatch once = MatchHint(slug, "Statement on NATO’s Anniversary");
  EXPECT_EQ(once.matched, 3);
  EXPECT_EQ(once.words, 3);
  EXPECT_TRUE(IsStrongHintMatch(once));
  // The same headline twice matches no more of the slug.
  const HintMatch twice =
      MatchHint(slug, "Statement on NATO’s Anniversary Statement on NATO’s Anniversary");
  EXPECT_EQ(twice.matched, 3);
  EXPECT_EQ(twice.words, 6);
  EXPECT_FALSE(IsStrongHintMatch(twice));
  EXPECT_FALSE(IsStrongHintMatch(MatchHint(slug, "Office of the Press Secretary")));
}

// StrongHintMatch stops reading a run past 4/3 as many content words as the
// hint has keys; it gives the full match exactly when that match is strong.
TEST(TitleHints, StrongMatchIsTheFullMatchWhenStrongAndNothingOtherwise) {
  const std::vector<std::string> slug =
      UrlSlugWords("https://x.org/statement-on-natos-anniversary");  // 3 keys: 4 words at most.
  const absl::flat_hash_set<std::string> keys = HintKeys(slug);
  for (const std::string candidate :
       {"Statement on NATO’s Anniversary", "Statement on NATO’s Anniversary Today",
        "Statement on NATO’s Anniversary Today Again", "Anniversary Statement NATO",
        "Statement on NATO’s Anniversary Statement on NATO’s Anniversary",
        "Office of the Press Secretary", ""}) {
    const HintMatch full = MatchHintKeys(keys, candidate);
    const std::optional<HintMatch> strong = StrongHintMatch(keys, candidate);
    ASSERT_EQ(strong.has_value(), IsStrongHintMatch(full)) << candidate;
    if (strong.has_value()) {
      EXPECT_EQ(strong->matched, full.matched) << candidate;
      EXPECT_EQ(strong->words, full.words) << candidate;
    }
  }
  EXPECT_TRUE(StrongHintMatch(keys, "Statement on NATO’s Anniversary Today").has_value());
  EXPECT_FALSE(StrongHintMatch(keys, "Statement on NATO’s Anniversary Today Again").has_value());
}

// A run's lines matched one by one give the match of the lines joined with
// spaces: the words of each line are looked up once, however many runs
// hold the line.
TEST(TitleHints, MatchOfLinesLookedUpAloneIsTheMatchOfTheirJoinedText) {
  const absl::flat_hash_set<std::string> keys =
      HintKeys(UrlSlugWords("https://x.org/final-communique-ministerial-meeting-council-berlin"));
  const std::vector<std::vector<std::string>> runs = {
      {"Final Communiqué", "Ministerial Meeting of the", "North Atlantic Council in Berlin"},
      {"Final Communiqués", "Ministerial Meeting"},
      {"Ministerial Meeting", "Ministerial Meeting", "Council Berlin"},
      {"Office of the Press Secretary", "Ministerial Meeting Berlin"},
      {"BERLIN, 3 June 1996", "Communiqué", "", "Ministerial Meeting of the Council"},
      {"Final Communiqué",
       "Ministerial Meeting Council Berlin Final Communiqué Ministerial "
       "Meeting Council Berlin and more words after them"},
      {""}};
  for (const std::vector<std::string>& run : runs) {
    std::vector<std::vector<const std::string*>> looked_up;
    for (const std::string& line : run) looked_up.push_back(KeysOfContentWords(keys, line));
    std::vector<const std::vector<const std::string*>*> pieces;
    for (const auto& line : looked_up) pieces.push_back(&line);
    const std::string joined = absl::StrJoin(run, " ");
    const std::optional<HintMatch> by_lines = StrongHintMatchOfKeys(keys.size(), pieces);
    const std::optional<HintMatch> by_text = StrongHintMatch(keys, joined);
    ASSERT_EQ(by_lines.has_value(), by_text.has_value()) << joined;
    if (by_text.has_value()) {
      EXPECT_EQ(by_lines->matched, by_text->matched) << joined;
      EXPECT_EQ(by_lines->words, by_text->words) << joined;
    }
  }
  std::vector<std::vector<const std::string*>> looked_up = {
      KeysOfContentWords(keys, "Final Communiqué"),
      KeysOfContentWords(keys, "Ministerial Meeting of the Council")};
  EXPECT_TRUE(StrongHintMatchOfKeys(keys.size(), {&looked_up[0], &looked_up[1]}).has_value());
  EXPECT_EQ(KeysOfContentWords(keys, "Office of the Press").size(), 2u);  // "of", "the" left out.
  // Six keys: a text of more than 8 content words has no strong match, so
  // a long line is read only that far.
  std::string long_line;
  for (int i = 0; i < 200; ++i) long_line += "Ministerial Meeting ";
  EXPECT_EQ(KeysOfContentWords(keys, long_line).size(), 9u);
}

std::string TitleOf(const std::string& text, const std::string& uri) {
  v1::RawDocument raw;
  raw.set_content(text);
  raw.set_source_uri(uri);
  absl::StatusOr<v1::ParseDocumentResponse> parsed = ParseRawDocument(raw, {});
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? parsed->document().title() : "";
}

TEST(TitleHints, TheSlugNamesTheHeadlineUnderABanner) {
  const std::string page =
      "Print Version\n\n\nOffice of the Spokesperson\n\n"
      "For Immediate Release March 12, 2009\n\n\nOn River Shipping Agreement\n\n"
      "I welcome the agreement reached by the river commission on the rules for shipping, "
      "which will enter into force next year.\n";
  EXPECT_EQ(
      TitleOf(page, "https://ministry.example/2009/03/statement-on-river-shipping-agreement.html"),
      "On River Shipping Agreement");
}

// "No title" first, as the model has it, then every run of `line_count`
// lines.
std::vector<TitleCandidate> EveryRun(size_t line_count) {
  std::vector<TitleCandidate> candidates(1);
  for (size_t begin = 0; begin < line_count; ++begin) {
    for (size_t end = begin + 1; end <= line_count; ++end) {
      TitleCandidate run;
      run.begin = begin;
      run.end = end;
      candidates.push_back(run);
    }
  }
  return candidates;
}

TEST(TitleHints, NameTheRunTheSlugOrPageTitleRepeats) {
  Lines lines(
      "Office of the Spokesperson\nFor Immediate Release\n\nOn River Shipping Agreement\n"
      "Office of the Spokesperson\n\nI welcome the agreement reached on the rules for "
      "shipping today.\n");
  const std::vector<TitleCandidate> candidates = EveryRun(lines.features.size());
  auto named = [&](const std::string& uri, const std::string& page_title) {
    std::optional<size_t> c =
        CandidateNamedByHints(candidates, lines.source, lines.features, uri, page_title);
    return c.has_value() ? JoinRunLines(lines.source, lines.features, candidates[*c].begin,
                                        candidates[*c].end)
                         : "(none)";
  };
  EXPECT_EQ(named("https://x.example/2009/03/statement-on-river-shipping-agreement.html", ""),
            "On River Shipping Agreement");
  EXPECT_EQ(named("", "Example Ministry | On River Shipping Agreement"),
            "On River Shipping Agreement");
  // Two words in common name nothing; prose is never named.
  EXPECT_EQ(named("https://x.example/river-shipping-news", ""), "(none)");
  EXPECT_EQ(named("https://x.example/welcome-agreement-reached-rules-shipping", ""), "(none)");
  EXPECT_EQ(named("https://x.example/docu/p09-031e.htm", ""), "(none)");
}

// A headline broken at a hyphen over two lines is matched as its joined
// text reads ("Co-" / "operation" is "Cooperation"), not word by line.
TEST(TitleHints, AHeadlineBrokenAtAHyphenIsMatchedAsJoined) {
  Lines lines(
      "Press Release\n\nStatement on Defence Co-\noperation with Ukraine\n\nThe Ministers met "
      "today in Brussels and agreed on a new programme of work.\n");
  const std::vector<TitleCandidate> candidates = EveryRun(lines.features.size());
  const std::optional<size_t> named =
      CandidateNamedByHints(candidates, lines.source, lines.features,
                            "https://x.example/statement-defence-cooperation-ukraine", "");
  ASSERT_TRUE(named.has_value());
  EXPECT_EQ(
      JoinRunLines(lines.source, lines.features, candidates[*named].begin, candidates[*named].end),
      "Statement on Defence Cooperation with Ukraine");
}

TEST(TitleRun, AHeadlinePrintedTwiceNearTheTopIsTheTitle) {
  Lines lines(
      "Skip to main content\nSummit of the Example Group in Example City\n\n"
      "Summit of the Example Group in Example City\n\nPublished on 14 June 2021\n\n"
      "The leaders of the group met in the city today to discuss the economy.\n");
  std::vector<TitleCandidate> candidates(1);
  for (size_t begin = 0; begin < lines.features.size(); ++begin) {
    TitleCandidate run;
    run.begin = begin;
    run.end = begin + 1;
    candidates.push_back(run);
  }
  const std::optional<size_t> twice =
      CandidatePrintedTwice(candidates, lines.source, lines.features);
  ASSERT_TRUE(twice.has_value());
  EXPECT_EQ(candidates[*twice].begin, 2u);
  Lines once("Summit of the Example Group\n\nThe leaders met in the city today to discuss it.\n");
  EXPECT_FALSE(CandidatePrintedTwice(candidates, once.source, once.features).has_value());
}

TEST(TitleRun, ASubtitleOpenerEndsTheRun) {
  Lines lines(
      "Example\nSummit Declaration\nIssued by the Heads of State and Government\n"
      "in Example City on 2 May 2006\n- We, the Heads of State, met today.\n");
  EXPECT_EQ(lines.Repair(0, 4), "Example Summit Declaration");
}

// A speech's title, then the line naming its occasion: the subtitle.
TEST(TitleRun, ASpeechsOccasionUnderItsTitleEndsTheRun) {
  Lines speech(
      "Japan's Economy and Monetary Policy\nSpeech at a Meeting with Business Leaders in "
      "Kochi\n\nIt is my great pleasure to be here today.\n");
  EXPECT_EQ(speech.Repair(0, 2), "Japan's Economy and Monetary Policy");
  Lines french(
      "La politique mon\xC3\xA9taire\nDiscours prononc\xC3\xA9 devant les "
      "\xC3\xA9tudiants\n");
  EXPECT_EQ(french.Repair(0, 2), "La politique mon\xC3\xA9taire");
  // A title that is itself about a speech keeps its lines.
  Lines about("Statement on the\nSpeech of the President\n");
  EXPECT_EQ(about.Repair(0, 2), "Statement on the Speech of the President");
}

TEST(TitleRun, ASubtitleOpenerInOtherLanguagesEndsTheRun) {
  Lines german(
      "Erkl\xC3\xA4rung der Minister\nver\xC3\xB6"
      "ffentlicht nach ihrem Treffen am 2. Mai 2020\n1. Wir, die Minister, sind heute "
      "zusammengekommen.\n");
  EXPECT_EQ(german.Repair(0, 1), "Erkl\xC3\xA4rung der Minister");
  Lines spanish("Declaraci\xC3\xB3n de los Ministros\npublicada tras su reuni\xC3\xB3n\n");
  EXPECT_EQ(spanish.Repair(0, 2), "Declaraci\xC3\xB3n de los Ministros");
}

TEST(TitleRun, AHeadlinePrintedTwiceIsOneHeadline) {
  Lines lines("Summit in Example City\nSummit in Example City\n\nThe leaders met today.\n");
  EXPECT_EQ(lines.Repair(0, 2), "Summit in Example City");
}

TEST(TitleRun, ARunStoppingInsideItsHeadlineGoesOn) {
  Lines function_word(
      "Meeting of the Council held in\nExample City\n\nThe Council met today in the city.\n");
  EXPECT_EQ(function_word.Repair(0, 1), "Meeting of the Council held in Example City");
  Lines preposition(
      "Opening Remarks by the Chair\nat the Session of the Council\n\n"
      "Excellencies,\n");
  EXPECT_EQ(preposition.Repair(0, 1), "Opening Remarks by the Chair at the Session of the Council");
  Lines narrow("Meeting\nof the\nHeads of\nState\n\n1. The heads of state met today.\n");
  EXPECT_EQ(narrow.Repair(0, 2), "Meeting of the Heads of State");
  // A line opening in lower case continues the one above; a year on its own
  // line completes the date the line above leaves open.
  Lines lower(
      "Eléments\ndestinés à la presse\npour la réunion des Ministres\nqui se tiendra le 25 "
      "septembre\n2002\nLes Ministres se sont réunis aujourd'hui dans la ville.\n");
  EXPECT_EQ(lower.Repair(0, 1),
            "Eléments destinés à la presse pour la réunion des Ministres qui se tiendra le 25 "
            "septembre 2002");
  // A count or a date after a comma is not the headline's next line.
  Lines count("Declaration of the Summit,\n23 pages\n");
  EXPECT_EQ(count.Repair(0, 1), "Declaration of the Summit,");
}

TEST(TitleRun, ALabelOnItsOwnLinesOpensAHeadlineStartingWithBy) {
  Lines lines(
      "Opening\nStatement\nby the Chair of the Council\nat the Example Conference\n\n"
      "Good morning.\n");
  EXPECT_EQ(lines.Repair(2, 4),
            "Opening Statement by the Chair of the Council at the Example Conference");
  // A blank line may part the label from its "by" line.
  Lines parted("Opening Remarks\n\nby the Chair of the Council\n\nGood morning.\n");
  EXPECT_EQ(parted.Repair(1, 2), "Opening Remarks by the Chair of the Council");
  // A date line above is no label.
  Lines dated(
      "14 Sept. 1998\nby the Chair of the Council, on the elections\n\nThe Chair is "
      "pleased.\n");
  EXPECT_EQ(dated.Repair(1, 2), "by the Chair of the Council, on the elections");
}

TEST(TitleRun, ALabelPrintedAloneOpensAtTheWordAboveCompletingIt) {
  Lines lines(
      "Opening\nStatement\nby the Chair of the Council\nat the Example Conference\n\n"
      "Good morning.\n");
  EXPECT_EQ(lines.Repair(1, 4),
            "Opening Statement by the Chair of the Council at the Example Conference");
  // A label opening a longer headline is not printed alone: the word above
  // is a series name over it.
  Lines series("Press\nStatement by the Council on the Example Mission\n\nThe Council met.\n");
  EXPECT_EQ(series.Repair(1, 2), "Statement by the Council on the Example Mission");
  // A lone separator above completes nothing.
  Lines separator("|\nStatement\nby the Chair of the Council\n\nGood morning.\n");
  EXPECT_EQ(separator.Repair(1, 3), "Statement by the Chair of the Council");
}

TEST(TitleRun, ANarrowColumnChosenFromInsideOpensAtItsFirstLine) {
  Lines lines(
      "Press\nCommuniqué\n3(99)12\nMeeting\nof the\nExample\nCouncil\nIn Ministers\n"
      "Session\n12 May 1999\n\n1. The Council met today in the city of Example.\n");
  EXPECT_EQ(lines.Repair(6, 9), "Meeting of the Example Council In Ministers Session");
  // A blank line above the column is its top.
  Lines parted("Example News\n\nMeeting\nof the\nCouncil\n\n1. The Council met.\n");
  EXPECT_EQ(parted.Repair(2, 4), "Meeting of the Council");
}

TEST(TitleRun, ASummitLabelOpensAtThePlaceNamingTheSummit) {
  Lines lines(
      "12 May 2004\nIstanbul\nSummit Communiqué\nIssued by the Heads of State\n\n"
      "1. We met today.\n");
  EXPECT_EQ(lines.Repair(2, 3), "Istanbul Summit Communiqué");
  // A word above that names no place is the page's, not the summit's.
  Lines section("Newsroom\nSummit Declaration\nIssued by the Heads of State\n\n1. We met.\n");
  EXPECT_EQ(section.Repair(1, 2), "Summit Declaration");
}

TEST(TitleRun, AMeetingHeadlineOpensAtTheBodyNamedAboveIt) {
  Lines lines(
      "Example Joint Council\nMeeting at the Level of Ministers\nheld in Example City\n"
      "The Council met today.\n");
  EXPECT_EQ(lines.Repair(1, 3),
            "Example Joint Council Meeting at the Level of Ministers held in Example City");
  // A line naming no body that meets is the page's, not the headline's.
  Lines banner("Example Department of State\nMeeting with the Minister\n\nThe Secretary met.\n");
  EXPECT_EQ(banner.Repair(1, 2), "Meeting with the Minister");
}

TEST(TitleRun, ALineLeftOpenAboveTheRunOpensIt) {
  Lines lines(
      "Press Communique 3(96)172\nMeeting of the\nExample Council In Ministers Session\n"
      "held in Example City 18 December 1996\n\n1. The Council met today in the city.\n");
  EXPECT_EQ(lines.Repair(2, 4),
            "Meeting of the Example Council In Ministers Session held in Example City 18 "
            "December 1996");
  // A line that closes its phrase is a kicker or a banner of its own, and
  // a blank line parts the head from the headline.
  Lines kicker("Defence and security\nMinister opens the new example office\n\nThe Minister.\n");
  EXPECT_EQ(kicker.Repair(1, 2), "Minister opens the new example office");
  Lines parted("News of the\n\nMinister opens the new example office\n\nThe Minister.\n");
  EXPECT_EQ(parted.Repair(1, 2), "Minister opens the new example office");
  // What a review found site lines ending on other small words doing:
  // menus, stamps, tickers and notices are not a headline's first words.
  for (const char* above :
       {"Where we are\nSign in", "Home\nAbout us\nWho we are", "Skip to main content\nSign in",
        "Usted está en:", "Last updated on", "Also available in:", "Mis à jour le",
        "Minister to travel to Brussels for the…", "Wednesday 4 April 2023 at", "Listen to this",
        // And what a second review found breaking off inside a phrase too.
        "Minister to travel to Brussels for the", "Latest: Minister to travel to Brussels for the",
        "Related: Minister visits the", "À lire aussi : Réunion du Conseil des",
        "Aktuell: Außenministerin reist zum Treffen des", "What we are proud of", "Part of",
        "Embargoed until the start of", "News and"}) {
    const std::string text =
        std::string(above) + "\nMinister welcomes the example agreement\n\nThe Minister.\n";
    Lines site(text);
    const size_t headline = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) - 3;
    EXPECT_EQ(site.Repair(headline, headline + 1), "Minister welcomes the example agreement")
        << above;
  }
}

TEST(TitleRun, APrepositionInLowerCaseContinuesAHeadlineNeverOpensOne) {
  EXPECT_TRUE(StartsWithHeadlineContinuation("of the North"));
  EXPECT_TRUE(StartsWithHeadlineContinuation("  held in Brussels"));
  EXPECT_TRUE(StartsWithHeadlineContinuation("de l'Atlantique Nord"));
  EXPECT_FALSE(StartsWithHeadlineContinuation("Meeting of the North Atlantic Council"));
  EXPECT_FALSE(StartsWithHeadlineContinuation("by the Chair of the Council, on the elections"));
  EXPECT_FALSE(StartsWithHeadlineContinuation("often asked questions"));
}

TEST(TitleRun, ASentenceAnnouncingTheTextIsNoHeadline) {
  EXPECT_TRUE(ReadsAsAnnouncement(
      "The following is a statement from the commander of the mission on the handover:"));
  EXPECT_TRUE(
      ReadsAsAnnouncement("Voici le texte de la declaration faite par le porte-parole ce matin :"));
  // A headline introducing its subject with a colon is not a sentence.
  EXPECT_FALSE(ReadsAsAnnouncement("Kosovo: Statement by the Secretary General"));
  EXPECT_FALSE(ReadsAsAnnouncement("Statement by the Secretary General of the Alliance:"));
  EXPECT_FALSE(
      ReadsAsAnnouncement("The Council met today to discuss the situation in the region."));
  // A paragraph ending on "In particular:" is body, not an announcement.
  EXPECT_FALSE(ReadsAsAnnouncement(
      "Chairman's Statement On 28 June the ministers met in the city of Example. Taking stock of "
      "two years of work, they recalled all relevant statements and addressed the practical "
      "contributions made by the Council to the security of the area. In particular:"));
}

TEST(TitleRun, ALabelAloneGivesWayToTheHeadlineAfterIt) {
  Lines lines(
      "[EXCERPTS] Final Communiqué\nPress Release M-XYZ-1(99)12\n"
      "Meeting of the Example Council\n  1. The Council met today.\n");
  EXPECT_EQ(lines.Repair(0, 1), "Meeting of the Example Council");
  // No headline after it: the label is the title.
  Lines alone("Final Communiqué\n  1. The Council met today in the city of Example.\n");
  EXPECT_EQ(alone.Repair(0, 1), "Final Communiqué");
  // A label printed over two lines, then a date and a lone separator.
  Lines split(
      "Communiqué\nde presse\n25 sept. 2002\n|\nRéunion du Conseil\nLe Conseil s'est "
      "réuni aujourd'hui dans la ville d'Example.\n");
  EXPECT_EQ(split.Repair(0, 2), "Réunion du Conseil");
}

TEST(TitleRun, ALabelNamingOnlyItsSpeakerGivesWayToTheHeadline) {
  Lines lines(
      "STATEMENT BY THE PRESIDENT\n\n   Welcoming the Committee's Support\n   for the "
      "Example Treaty\n\nI welcome today's vote by the committee on the treaty.\n");
  EXPECT_EQ(lines.Repair(0, 1), "Welcoming the Committee's Support for the Example Treaty");
  // A subject after the speaker makes the label line a headline.
  Lines subject(
      "Statement by the President on the Example Treaty\nWelcoming Words\n\nI welcome "
      "today's vote.\n");
  EXPECT_EQ(subject.Repair(0, 1), "Statement by the President on the Example Treaty");
  // No headline after it: the label stays.
  Lines alone("Statement by the Secretary General\n\nThe Council met today in the city.\n");
  EXPECT_EQ(alone.Repair(0, 1), "Statement by the Secretary General");
}

TEST(TitleRun, AQuotedSpeechTitleIsTheHeadlineNotItsSpeaker) {
  Lines within(
      "\"Example -- Facing the Challenges of Today,\nand Tomorrow\"\n\n"
      "Speech by the Secretary General\n\nThank you.\n");
  EXPECT_EQ(within.Repair(0, 3), "Example -- Facing the Challenges of Today, and Tomorrow");
  Lines before(
      "\"Example: Breaking New Ground\"\n\nSpeech by the Secretary General\n\n"
      "Your Excellencies,\n");
  EXPECT_EQ(before.Repair(1, 2), "Example: Breaking New Ground");
}

// A run taking in the first line of the text's paragraph, printed with no
// blank line under the headline and going on in lower case, stops above
// it; a headline wrapped after an open phrase keeps its line.
TEST(TitleRun, ARunStopsAboveTheParagraphGoingOnUnderIt) {
  Lines statement(
      "Statement\n"
      "by the Secretary General,\n"
      "Lord Example\n"
      "Last week, violence flared again in the south of the region, close\n"
      "to the boundary line, and several villages were evacuated.\n");
  EXPECT_EQ(statement.Repair(0, 4), "Statement by the Secretary General, Lord Example");
  Lines wrapped(
      "Statement by the Secretary General on the situation in the\n"
      "South of the region\n"
      "and its neighbours\n");
  EXPECT_EQ(wrapped.Repair(0, 2),
            "Statement by the Secretary General on the situation in the South of the region "
            "and its neighbours");
}

}  // namespace
}  // namespace docsearch::ingest
