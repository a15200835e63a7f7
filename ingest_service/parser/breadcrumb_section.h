#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_BREADCRUMB_SECTION_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_BREADCRUMB_SECTION_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "docsearch/v1/document.pb.h"

namespace docsearch::ingest {

// The kind of text a page's breadcrumb files it under: the last step of the
// path that is not a date or a number names the section the page belongs
// to ("Home › News › 18 January 2024": News; "Você está aqui: Página
// Inicial > … > Notícias > 2024 > 04": Notícias; "Início > Notícias >
// Notícias STF": the section's name before its publisher's), read as
// DocTypeFromSectionName reads a section's name. A line is a breadcrumb
// when it opens at the home page or with "You are here", or is a chain of
// three or more short steps; trailing dates and months ("… » 2024 »
// April") and a last step repeating the headline are passed over; a step
// of mixed kinds ("News & Events", "Press room") names no type. nullopt
// when the line is no breadcrumb or its last step names no single kind.
std::optional<docsearch::v1::DocType> DocTypeFromBreadcrumb(absl::string_view line);

// Whether `line` reads as a breadcrumb at all, whatever its steps name: the
// page prints its own path once, so a reader looking for it stops at the
// first.
bool IsBreadcrumbPath(absl::string_view line);

// Whether `line` is the home page's name alone ("Home", "Accueil",
// "Startseite"), as a breadcrumb printed one step per line opens.
bool IsHomeStepLine(absl::string_view line);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_BREADCRUMB_SECTION_H_
