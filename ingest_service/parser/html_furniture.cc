#include "ingest_service/parser/html_furniture.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"

namespace docsearch::ingest {
namespace {

bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
      return true;
    default:
      return false;
  }
}

// ARIA landmark and widget roles whose content is the site's, not the
// document's: menus, the site banner and footer, sidebars, search boxes,
// pop-ups (a cookie notice is a dialog). An element names its role when its
// tag does not say it ("<div role=navigation>"), which is how most pages
// built before <nav> and <aside>, or on generic frameworks, mark them.
bool IsFurnitureRole(absl::string_view role) {
  static constexpr absl::string_view kRoles[] = {
      "navigation", "banner",  "contentinfo", "complementary", "search",
      "menu",       "menubar", "toolbar",     "dialog",        "alertdialog",
  };
  // A role attribute may list fallbacks ("menu navigation"): the first is
  // the one a browser uses.
  const absl::string_view first = role.substr(0, role.find(' '));
  for (absl::string_view furniture : kRoles) {
    if (absl::EqualsIgnoreCase(first, furniture)) return true;
  }
  return false;
}

// Whether an inline style hides the element ("display: none",
// "visibility:hidden"): text a reader never sees.
bool StyleHides(absl::string_view style) {
  std::string compact;
  compact.reserve(style.size());
  for (char c : style) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) {
      compact.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  return absl::StrContains(compact, "display:none") ||
         absl::StrContains(compact, "visibility:hidden");
}

// Words of class and id names that mark furniture on any site: crumbs,
// menus, sharing and social buttons, related and popular lists, sidebars,
// consent and cookie notices, newsletters, pagination, comments,
// advertising, skip links, site footers and mastheads. Not
// "header" or "banner" (an article's header holds its headline; a "hero
// banner" may too) nor "top" or "meta" (a story's date sits in them).
constexpr absl::string_view kFurnitureWords[] = {
    "breadcrumb", "breadcrumbs", "crumbs",    "menu",     "navbar",  "nav",
    "navigation", "share",       "sharing",   "social",   "related", "popular",
    "sidebar",    "cookie",      "cookies",   "consent",  "gdpr",    "newsletter",
    "subscribe",  "pagination",  "pager",     "comments", "advert",  "advertisement",
    "ads",        "sponsor",     "sponsored", "skip",     "footer",  "masthead",
    "toolbar",    "popup",       "modal",
};

// Words that say the element holds the document itself (Readability's
// own exceptions, and "story").
constexpr absl::string_view kContentWords[] = {
    "content", "article", "main", "body", "column", "story",
};

bool IsOneOf(absl::string_view word, absl::Span<const absl::string_view> words) {
  for (absl::string_view candidate : words) {
    if (absl::EqualsIgnoreCase(word, candidate)) return true;
  }
  return false;
}

}  // namespace

bool IsFurnitureElement(const GumboElement& element) {
  if (IsDropped(element.tag)) return true;
  // <dialog> (a pop-up: a cookie notice, a newsletter form) is newer than
  // the tag table of Debian's gumbo, which reads it as an unknown tag.
  if (element.tag == GUMBO_TAG_UNKNOWN) {
    GumboStringPiece name = element.original_tag;
    gumbo_tag_from_original_text(&name);
    if (absl::EqualsIgnoreCase(absl::string_view(name.data, name.length), "dialog")) return true;
  }
  const GumboVector* attributes = &element.attributes;
  if (gumbo_get_attribute(attributes, "hidden") != nullptr) return true;
  if (const GumboAttribute* hidden = gumbo_get_attribute(attributes, "aria-hidden");
      hidden != nullptr &&
      absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(hidden->value), "true")) {
    return true;
  }
  if (const GumboAttribute* role = gumbo_get_attribute(attributes, "role");
      role != nullptr && IsFurnitureRole(absl::StripAsciiWhitespace(role->value))) {
    return true;
  }
  if (const GumboAttribute* style = gumbo_get_attribute(attributes, "style");
      style != nullptr && StyleHides(style->value)) {
    return true;
  }
  return false;
}

bool NamesFurniture(absl::string_view class_or_id) {
  bool furniture = false;
  for (absl::string_view word :
       absl::StrSplit(class_or_id, absl::ByAnyChar(" \t\n-_"), absl::SkipEmpty())) {
    if (IsOneOf(word, kContentWords)) return false;
    furniture |= IsOneOf(word, kFurnitureWords);
  }
  return furniture;
}

bool NamedAsFurniture(const GumboElement& element) {
  switch (element.tag) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ARTICLE:
      return false;  // The page, or what it declares its content.
    default:
      break;
  }
  for (const char* name : {"class", "id"}) {
    if (const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
        attribute != nullptr && NamesFurniture(attribute->value)) {
      return true;
    }
  }
  return false;
}

}  // namespace docsearch::ingest
