// Title and subtitle, chosen among the head's blocks (see head_reader.h).
//
// Blocks that are a place line before the date ("Madrid", "London, UK"),
// fragments of lost links ("At the" / "Institute for") or lone bylines are
// dropped. The title is the block an "Issued by ..." subtitle follows; else
// the block right after a printed type label; else the first block; else the
// label itself ("Chairman's Summary"). A label followed by a lower-case or
// byline block opens the title ("Press statement" + "by NATO Secretary
// General, ..."). The next adjacent block continues the title (after a comma
// or a function word), is the subtitle ("issued on ...", lower case), or
// completes a one-line Title-Case title. Blocks before the title are dropped
// ("head"); blocks after it are returned in `kept`, to be read as body.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_CHOOSER_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_CHOOSER_H_

#include <string>
#include <vector>

#include "docsearch/v1/ingest_service.pb.h"
#include "ingest_service/parser/head_reader.h"

namespace docsearch::ingest {

struct TitleChoice {
  std::string title;
  std::string subtitle;
};

// Joins title lines, undoing hyphenation at line ends and dropping the quotes
// around a quoted title.
std::string JoinTitleLines(const std::vector<absl::string_view>& parts);

// Whether `text` ends with a word broken at a hyphen ("Co-"): a letter, then
// the hyphen. JoinTitleLines joins such a word to the next line's when that
// line opens in lower case ("Co-" / "operation" is "Cooperation").
bool EndsWithBrokenWord(absl::string_view text);

TitleChoice ChooseTitle(const Head& head, std::vector<const HeadBlock*>* kept,
                        docsearch::v1::ParseDocumentResponse* response);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_TITLE_CHOOSER_H_
