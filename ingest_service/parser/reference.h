// Document references as printed: "Press Release (97)87", "M-NAC-2(92)106",
// "Press Communiqué M-NAC(DM)-3(96)172", "Communiqué de presse (2002)127",
// "(2000) 074", "Press Release EAPC-S(99)67", "PR/CP (2006)150", and codes
// of other bodies told by their shape: "SC/6657", "SG/SM/6986", "10189/04",
// "PR# 2008-159", "No. 373".
//
// Contract: MatchReferenceAtStart only accepts text that starts with the
// reference (after bullets and pipes); it reports how much of the text the
// reference used so the caller can read what follows (often the date line:
// "Press Release (2004)099 29 June 2004 |").
#ifndef DOCSEARCH_INGEST_SERVICE_PARSER_REFERENCE_H_
#define DOCSEARCH_INGEST_SERVICE_PARSER_REFERENCE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace docsearch::ingest {

struct ReferenceMatch {
  // The reference with its printed spacing, e.g. "Press Release (2001) 171".
  std::string reference;
  // The series name printed before the code ("Press Release"), or empty;
  // part of `reference` for the series' own codes, not for other codes
  // ("Press Release SC/6657" is SC/6657).
  std::string series;
  // Bytes of the input consumed, including leading furniture.
  size_t consumed = 0;
};

std::optional<ReferenceMatch> MatchReferenceAtStart(absl::string_view text);

// "Ref: CBK/COMMS/MPC/01/2024", "Réf. : 2024/045", "Our ref: ABC/12": a
// line that is only a key naming a reference and one code holding a digit
// (a letter's or a release's field, never part of a headline).
bool IsReferenceField(absl::string_view line);

}  // namespace docsearch::ingest

#endif  // DOCSEARCH_INGEST_SERVICE_PARSER_REFERENCE_H_
