// LeftRight (query_service/index/left_right.h): readers never wait for a writer,
// a writer waits for the readers of the copy it is about to change, and
// both copies end equal. Runs under ThreadSanitizer in CI (label
// `concurrency`), which also checks that no read overlaps a write of the
// same copy.
#include "query_service/index/left_right.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace docsearch::query {
namespace {

void WaitFor(const std::atomic<bool>& flag) {
  while (!flag.load()) std::this_thread::yield();
}

TEST(LeftRightTest, AReaderDoesNotWaitForAWriterThatWaitsForAnEarlierReader) {
  LeftRight<std::string> value;
  std::atomic<bool> earlier_reader_in{false};
  std::atomic<bool> release_earlier_reader{false};
  std::string seen_by_earlier_reader = "unset";
  std::thread earlier_reader([&] {
    value.Read([&](const std::string& text) {
      earlier_reader_in = true;
      WaitFor(release_earlier_reader);
      seen_by_earlier_reader = text;  // Its copy did not change under it.
      return 0;
    });
  });
  WaitFor(earlier_reader_in);

  std::atomic<bool> write_returned{false};
  std::thread writer([&] {
    const int result = value.Write([](std::string& text) {
      text = "written";
      return 7;
    });
    EXPECT_EQ(result, 7);
    write_returned = true;
  });

  // A reader that starts now sees the write at once, while the writer still
  // waits for the earlier reader before changing the other copy.
  std::string seen;
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while ((seen = value.Read([](const std::string& text) { return text; })) != "written" &&
         absl::Now() < deadline) {
    std::this_thread::yield();
  }
  EXPECT_EQ(seen, "written");
  absl::SleepFor(absl::Milliseconds(20));
  EXPECT_FALSE(write_returned.load()) << "the writer did not wait for the earlier reader";

  release_earlier_reader = true;
  earlier_reader.join();
  writer.join();
  EXPECT_TRUE(write_returned.load());
  EXPECT_EQ(seen_by_earlier_reader, "");
  // Both copies hold every write: whichever copy a reader gets next.
  std::string expected = "written";
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(value.Read([](const std::string& text) { return text; }), expected);
    value.Write([](std::string& text) {
      text += "!";
      return 0;
    });
    expected += "!";
  }
  EXPECT_EQ(value.Read([](const std::string& text) { return text; }), "written!!!!");
}

TEST(LeftRightTest, ManyReadersAndWritersAlwaysSeeAWholeWrite) {
  // Each write appends the same number to every element; a reader that saw
  // a copy mid-change would find elements that differ.
  LeftRight<std::vector<int>> value;
  value.Write([](std::vector<int>& numbers) {
    numbers.assign(64, 0);
    return 0;
  });
  std::atomic<bool> done{false};
  std::atomic<int> torn{0};
  std::vector<std::thread> threads;
  for (int r = 0; r < 3; ++r) {
    threads.emplace_back([&] {
      while (!done.load()) {
        const bool whole = value.Read([](const std::vector<int>& numbers) {
          for (int n : numbers) {
            if (n != numbers.front()) return false;
          }
          return true;
        });
        if (!whole) ++torn;
      }
    });
  }
  for (int w = 0; w < 2; ++w) {
    threads.emplace_back([&] {
      for (int i = 0; i < 300; ++i) {
        value.Write([](std::vector<int>& numbers) {
          for (int& n : numbers) ++n;
          return 0;
        });
      }
    });
  }
  threads[3].join();
  threads[4].join();
  done = true;
  for (int r = 0; r < 3; ++r) threads[r].join();
  EXPECT_EQ(torn.load(), 0);
  EXPECT_EQ(value.Read([](const std::vector<int>& numbers) { return numbers.back(); }), 600);
}

}  // namespace
}  // namespace docsearch::query
