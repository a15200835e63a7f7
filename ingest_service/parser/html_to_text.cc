#include "ingest_service/parser/html_to_text.h"

#include <gumbo.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/text_normalizer.h"

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

// Whether `element`'s content is left out of the text: by its tag, by a
// role naming page furniture, or because the page hides it (the `hidden`
// attribute, `aria-hidden="true"`, an inline style).
bool IsDroppedElement(const GumboElement& element) {
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

// Elements after which a paragraph ends (a blank line).
bool EndsParagraph(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
      return true;
    default:
      return false;
  }
}

// Elements that sit on lines of their own.
bool IsBlock(GumboTag tag) {
  if (EndsParagraph(tag)) return true;
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// Builds the text, keeping at most one blank line in a row.
class TextBuilder {
 public:
  void AppendText(absl::string_view text, bool preformatted) {
    for (char c : text) {
      if (preformatted) {
        if (c == '\n') {
          EndLine();
        } else {
          Put(c);
        }
        continue;
      }
      if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
        pending_space_ = true;
      } else {
        Put(c);
      }
    }
  }

  // Table cells side by side stay on one line: "Updated: ... | NATO Press".
  void EndCell() {
    if (!line_.empty() && line_.back() != '|') {
      line_.append(" |");
      pending_space_ = true;
      cell_separator_at_end_ = true;
    }
  }

  void EndLine() {
    pending_space_ = false;
    // Drop the separator after the last cell of a row (not a '|' of the text).
    if (cell_separator_at_end_) line_.resize(line_.size() - 2);
    cell_separator_at_end_ = false;
    if (!line_.empty()) {
      out_.append(line_);
      out_.push_back('\n');
      line_.clear();
      blank_lines_ = 0;
    }
  }

  void EndParagraph() {
    EndLine();
    if (blank_lines_ == 0 && !out_.empty()) {
      out_.push_back('\n');
      blank_lines_ = 1;
    }
  }

  std::string Finish() {
    EndLine();
    while (out_.size() >= 2 && out_.back() == '\n' && out_[out_.size() - 2] == '\n') {
      out_.pop_back();
    }
    return std::move(out_);
  }

 private:
  void Put(char c) {
    cell_separator_at_end_ = false;
    if (pending_space_ && !line_.empty()) line_.push_back(' ');
    pending_space_ = false;
    line_.push_back(c);
  }

  std::string out_;
  std::string line_;
  bool pending_space_ = false;
  bool cell_separator_at_end_ = false;
  int blank_lines_ = 0;
};

// Elements that never nest: void elements, and those whose start tag closes
// an open one of their kind (a page may have thousands of unclosed <p>).
bool NeverNests(absl::string_view name) {
  static constexpr absl::string_view kNames[] = {
      "br",  "img",   "hr",    "meta",   "link",  "input", "area",  "base",     "col",
      "wbr", "embed", "param", "source", "track", "p",     "li",    "dt",       "dd",
      "tr",  "td",    "th",    "option", "tbody", "thead", "tfoot", "colgroup", "!doctype"};
  for (absl::string_view never : kNames) {
    if (name == never) return true;
  }
  return false;
}

// Deepest nesting of elements, estimated without parsing: an upper bound
// good enough to keep hostile input away from gumbo.
int EstimateDepth(absl::string_view html) {
  int depth = 0;
  int deepest = 0;
  for (size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    const bool closing = html[i + 1] == '/';
    size_t j = i + (closing ? 2 : 1);
    std::string name;
    while (j < html.size() && name.size() < 16 &&
           (absl::ascii_isalnum(static_cast<unsigned char>(html[j])) || html[j] == '!')) {
      name.push_back(absl::ascii_tolower(static_cast<unsigned char>(html[j])));
      ++j;
    }
    if (name.empty() || NeverNests(name)) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    // "<div/>" closes itself.
    const size_t tag_end = html.find('>', j);
    if (tag_end != absl::string_view::npos && tag_end > 0 && html[tag_end - 1] == '/') continue;
    ++depth;
    deepest = std::max(deepest, depth);
  }
  return deepest;
}

// Removes tags, keeping text; used only for pages gumbo is not given.
std::string StripTags(absl::string_view html) {
  TextBuilder builder;
  bool in_tag = false;
  std::string text;
  for (char c : html) {
    if (c == '<') {
      in_tag = true;
      builder.AppendText(text, false);
      text.clear();
      builder.AppendText(" ", false);
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag) {
      text.push_back(c);
    }
  }
  builder.AppendText(text, false);
  return builder.Finish();
}

std::string PageTitle(const GumboNode* root) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_TITLE) {
      std::string title;
      for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_TEXT) title += child->v.text.text;
      }
      return CollapseWhitespace(title);
    }
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  return "";
}

// The text of the first <h1> of the page outside the content the text
// leaves out (a site banner's logo is often an <h1> too), whitespace
// collapsed: the author's declared headline.
std::string FirstHeadline(const GumboNode* root) {
  std::vector<const GumboNode*> stack = {root};
  const GumboNode* headline = nullptr;
  while (!stack.empty() && headline == nullptr) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    if (node->type == GUMBO_NODE_ELEMENT && IsDroppedElement(node->v.element)) continue;
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_H1) {
      headline = node;
      break;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  if (headline == nullptr) return "";
  std::string text;
  stack = {headline};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
      text += node->v.text.text;
      text += ' ';
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  return CollapseWhitespace(text);
}

}  // namespace

HtmlText HtmlToText(absl::string_view utf8) {
  HtmlText result;
  if (EstimateDepth(utf8) > kMaxHtmlDepth) {
    result.text = StripTags(utf8);
    result.stripped_without_parsing = true;
    return result;
  }
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size());
  result.page_title = PageTitle(output->document);
  result.headline = FirstHeadline(output->document);

  // Iterative walk: a frame is a node plus whether its children were pushed.
  struct Frame {
    const GumboNode* node;
    bool closing;
  };
  TextBuilder builder;
  std::vector<Frame> stack = {{output->root, false}};
  int preformatted = 0;
  while (!stack.empty()) {
    const Frame frame = stack.back();
    stack.pop_back();
    const GumboNode* node = frame.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      builder.AppendText(node->v.text.text, preformatted > 0);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboTag tag = node->v.element.tag;
    if (frame.closing) {
      if (tag == GUMBO_TAG_PRE) --preformatted;
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
        builder.EndCell();
      } else if (EndsParagraph(tag)) {
        builder.EndParagraph();
      } else if (IsBlock(tag)) {
        builder.EndLine();
      }
      continue;
    }
    if (IsDroppedElement(node->v.element)) continue;
    if (IsBlock(tag)) builder.EndLine();
    if (tag == GUMBO_TAG_LI) builder.AppendText("\xE2\x80\xA2 ", false);
    if (tag == GUMBO_TAG_PRE) ++preformatted;
    stack.push_back({node, true});
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false});
    }
  }
  result.text = builder.Finish();
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return result;
}

}  // namespace docsearch::ingest
