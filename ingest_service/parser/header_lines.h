// The "Updated:" header line that archived NATO pages start with.
//
// Forms read: "Updated: 07-Dec-2001 NATO Press Statement",
// "Last update: 11-Dec-2003 18:33 NATO Update", "Last updated: 21 Apr. 2009
// 12:49", "Mise à jour: 18 juin 1999 OTAN Communiqués de presse", "Mis à jour
// le: 03 Nov. 2008 21:04", the same with lost accents ("Mise--jour:"), inside
// table pipes ("Updated: 29-Oct-2001 | NATO Press Releases |") or after a
// bullet ("• Last updated: ...").
//
// Contract: ParseUpdatedHeader returns nullopt unless the line starts with one
// of those keys followed by a valid date; the time of day is optional (00:00
// when absent) and is read as UTC, the archive giving no zone.
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_HEADER_LINES_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_HEADER_LINES_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

struct UpdatedHeader {
  docsearch::v1::Date date;
  int hour = 0;
  int minute = 0;
  // What follows the date, pipes removed: the site section or the type,
  // e.g. "NATO Press Statement", "NATO Update", "Week of 17-23 February 1999".
  std::string section;
};

std::optional<UpdatedHeader> ParseUpdatedHeader(absl::string_view line);

// A content system's stamp line: "Created: 2017.06.20 / Updated: 2017.06.21
// 14:15", "Posted: 2019/03/04", "Date published: 4 May 2010 | Last updated:
// 5 May 2010". A creation key (created, posted, published, date published,
// publication date, créé le, publié le, erstellt, veröffentlicht), a colon or
// "on", a date (year-first numeric dates, "2017.06.20", "2017/06/20", as
// well as every form FindDates reads) and nothing else but, after a slash
// or a bar, an Updated header in the same forms.
struct StampLine {
  docsearch::v1::Date created;
  std::optional<UpdatedHeader> updated;
};
std::optional<StampLine> ParseStampLine(absl::string_view line);

// Seconds since the Unix epoch for the header's date and time (UTC).
int64_t UpdatedHeaderEpochSeconds(const UpdatedHeader& header);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_HEADER_LINES_H_
