#include "ingest_service/parser/html_to_text.h"

#include <gumbo.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/html_furniture.h"
#include "ingest_service/parser/text_normalizer.h"

namespace docsearch::ingest {
namespace {

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

size_t CountSpaceSeparated(absl::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The <title> text and the Open Graph / Twitter card title of the page
// (<meta property="og:title" content="...">), whitespace collapsed.
struct TitleElements {
  std::string title;
  std::string card_title;
};

TitleElements FindTitleElements(const GumboNode* root) {
  TitleElements found;
  bool title_seen = false;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    // Both belong in <head>: once it gave a <title>, the body is not read.
    if (title_seen && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BODY) {
      continue;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_TITLE) {
      if (!title_seen) {
        std::string title;
        for (unsigned i = 0; i < children.length; ++i) {
          const auto* child = static_cast<const GumboNode*>(children.data[i]);
          if (child->type == GUMBO_NODE_TEXT) title += child->v.text.text;
        }
        found.title = CollapseWhitespace(title);
        title_seen = true;
      }
      continue;
    }
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_META &&
        found.card_title.empty()) {
      const GumboVector* attributes = &node->v.element.attributes;
      const GumboAttribute* kind = gumbo_get_attribute(attributes, "property");
      if (kind == nullptr) kind = gumbo_get_attribute(attributes, "name");
      const GumboAttribute* content = gumbo_get_attribute(attributes, "content");
      if (kind != nullptr && content != nullptr &&
          (absl::EqualsIgnoreCase(kind->value, "og:title") ||
           absl::EqualsIgnoreCase(kind->value, "twitter:title"))) {
        found.card_title = CollapseWhitespace(content->value);
      }
      continue;
    }
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  return found;
}

// `title` without a trailing site name after a bar ("Final Communiqué |
// NATO", "… | Ministère de l'Europe et des Affaires étrangères"): the part
// after the last " | " when it is at most eight words and something of two
// words or more stands before it.
std::string WithoutSiteSuffix(const std::string& title) {
  const size_t bar = title.rfind(" | ");
  if (bar == std::string::npos) return title;
  const absl::string_view before =
      absl::StripTrailingAsciiWhitespace(absl::string_view(title).substr(0, bar));
  const absl::string_view after =
      absl::StripLeadingAsciiWhitespace(absl::string_view(title).substr(bar + 3));
  if (CountSpaceSeparated(after) > 8 || CountSpaceSeparated(before) < 2) return title;
  return std::string(before);
}

// The page's own name for the text: its social card's title, which sites
// write for the text alone, else its <title> less a trailing site name.
std::string PageTitle(const GumboNode* root) {
  TitleElements found = FindTitleElements(root);
  if (!found.card_title.empty()) return std::move(found.card_title);
  return WithoutSiteSuffix(found.title);
}

// The first <h1> of the page outside furniture (IsFurnitureElement: a site
// banner's logo is often an <h1> too): the author's declared headline.
// Null when none.
const GumboNode* FindHeadline(const GumboNode* root) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    if (node->type == GUMBO_NODE_ELEMENT) {
      if (IsFurnitureElement(node->v.element)) continue;
      if (node->v.element.tag == GUMBO_TAG_H1) return node;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  return nullptr;
}

// The text of `headline`, whitespace collapsed.
std::string HeadlineText(const GumboNode* headline) {
  std::string text;
  std::vector<const GumboNode*> stack = {headline};
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

// `node` and its ancestors: elements a class name must not drop, since
// they hold the headline ("<div class=share-and-title><h1>").
absl::flat_hash_set<const GumboNode*> SelfAndAncestors(const GumboNode* node) {
  absl::flat_hash_set<const GumboNode*> path;
  for (; node != nullptr; node = node->parent) path.insert(node);
  return path;
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
  const GumboNode* headline = FindHeadline(output->document);
  if (headline != nullptr) result.headline = HeadlineText(headline);
  const absl::flat_hash_set<const GumboNode*> headline_path = SelfAndAncestors(headline);

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
    if (IsFurnitureElement(node->v.element)) continue;
    if (!headline_path.contains(node) && NamedAsFurniture(node->v.element)) continue;
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
