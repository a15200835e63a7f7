#include "cli/progress_reporter.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/terminal_text.h"

namespace docsearch::cli {
namespace {

// Redrawing on every document would make the terminal, not the network, the
// bottleneck of a large ingest.
constexpr absl::Duration kRedrawInterval = absl::Milliseconds(100);
constexpr absl::string_view kEraseLine = "\r\033[K";

}  // namespace

double PerSecond(int64_t amount, absl::Duration elapsed) {
  const double seconds = absl::ToDoubleSeconds(elapsed);
  return seconds > 0 ? static_cast<double>(amount) / seconds : 0;
}

std::string FormatProgressLine(const IngestProgress& progress, absl::Duration elapsed) {
  return absl::StrFormat(
      "sent %s files, %s docs  %.1f docs/s  %.2f MB/s  %s %s  %s", FormatCount(progress.files_sent),
      FormatCount(progress.documents_sent), PerSecond(progress.documents_sent, elapsed),
      PerSecond(progress.bytes_sent, elapsed) / 1e6, FormatCount(progress.errors),
      progress.errors == 1 ? "error" : "errors", FormatElapsed(elapsed));
}

ProgressReporter::ProgressReporter(std::ostream& err, bool live, absl::Time start, int width)
    : err_(err), live_(live), start_(start), width_(width) {}

ProgressReporter::~ProgressReporter() { Clear(); }

void ProgressReporter::Update(const IngestProgress& progress, absl::Time now) {
  if (!live_ || now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  Draw(FormatProgressLine(progress, now - start_));
}

void ProgressReporter::ShowStatus(absl::string_view message) {
  if (live_) Draw(message);
}

void ProgressReporter::Clear() {
  if (!line_shown_) return;
  err_ << kEraseLine << std::flush;
  line_shown_ = false;
}

void ProgressReporter::Draw(absl::string_view text) {
  // One column is kept free: writing into the last one makes some terminals
  // wrap early.
  err_ << kEraseLine << TruncateToWidth(text, width_ > 1 ? width_ - 1 : 0) << std::flush;
  line_shown_ = true;
}

}  // namespace docsearch::cli
