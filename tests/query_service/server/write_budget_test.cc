#include "query_service/server/write_budget.h"

#include <time.h>

#include <cmath>
#include <memory>
#include <mutex>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/server/background_writers.h"

namespace docsearch::query {
namespace {

// A clock the test moves by hand.
class ManualClock {
 public:
  absl::Time Now() const { return now_; }
  void Advance(absl::Duration by) { now_ += by; }
  std::function<absl::Time()> AsFunction() {
    return [this] { return now_; };
  }

 private:
  absl::Time now_ = absl::FromUnixSeconds(1'700'000'000);
};

WriteBudget::Options ShareOf(double share) {
  WriteBudget::Options options;
  options.share_while_reading = share;
  options.quiet_after = absl::Milliseconds(100);
  return options;
}

TEST(WriteBudgetTest, ValidateNamesTheOptionOutOfRange) {
  for (double bad : {0.0, -0.5, 1.5, std::nan("")}) {
    const absl::Status status = WriteBudget::Validate(ShareOf(bad));
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(status.message(), ::testing::HasSubstr("share while reading")) << bad;
  }
  WriteBudget::Options negative_quiet = ShareOf(0.2);
  negative_quiet.quiet_after = absl::Milliseconds(-1);
  EXPECT_THAT(WriteBudget::Validate(negative_quiet).message(), ::testing::HasSubstr("quiet time"));
  EXPECT_TRUE(WriteBudget::Validate(ShareOf(0.2)).ok());
  EXPECT_TRUE(WriteBudget::Validate(ShareOf(1)).ok());
}

TEST(WriteBudgetTest, WritesNeverWaitWhenNobodyReads) {
  ManualClock clock;
  WriteBudget budget(ShareOf(0.2), clock.AsFunction());
  budget.ChargeWrite(absl::Seconds(5));
  EXPECT_LE(budget.NextWriteAllowed(), clock.Now());
}

TEST(WriteBudgetTest, WhileAReadRunsEachBatchEarnsItsRest) {
  ManualClock clock;
  WriteBudget budget(ShareOf(0.2), clock.AsFunction());
  budget.ReadStarted();
  // At a fifth of a core, 10 ms of writing earns 40 ms of rest.
  budget.ChargeWrite(absl::Milliseconds(10));
  EXPECT_EQ(budget.NextWriteAllowed(), clock.Now() + absl::Milliseconds(40));
  // A second writer's batch, ended at the same moment, adds its own rest.
  budget.ChargeWrite(absl::Milliseconds(10));
  EXPECT_EQ(budget.NextWriteAllowed(), clock.Now() + absl::Milliseconds(80));
  // Rest already taken is not owed again: from a moment past the pause a
  // new batch's rest starts at its own end.
  clock.Advance(absl::Milliseconds(200));
  budget.ChargeWrite(absl::Milliseconds(5));
  EXPECT_EQ(budget.NextWriteAllowed(), clock.Now() + absl::Milliseconds(20));
  budget.ReadFinished();
}

TEST(WriteBudgetTest, ReadsOneAfterAnotherCountAsReadingUntilQuiet) {
  ManualClock clock;
  WriteBudget budget(ShareOf(0.5), clock.AsFunction());
  { const ScopedRead read(&budget); }
  clock.Advance(absl::Milliseconds(50));  // Less than quiet_after since it ended.
  budget.ChargeWrite(absl::Milliseconds(30));
  EXPECT_EQ(budget.NextWriteAllowed(), clock.Now() + absl::Milliseconds(30));
  // Quiet for longer than quiet_after: the pause ends early, writes go on.
  clock.Advance(absl::Milliseconds(60));
  EXPECT_LE(budget.NextWriteAllowed(), clock.Now());
}

// A person's or a dashboard's searches leave the CPU free between them:
// writes are not slowed for them, only for reads sent back to back.
TEST(WriteBudgetTest, OccasionalReadsLeaveWritesAtFullSpeed) {
  ManualClock clock;
  WriteBudget budget(WriteBudget::Options{}, clock.AsFunction());
  for (int read = 0; read < 5; ++read) {
    {
      const ScopedRead scoped(&budget);
      clock.Advance(absl::Milliseconds(2));
    }
    clock.Advance(absl::Milliseconds(98));  // Ten reads a second.
    budget.ChargeWrite(absl::Milliseconds(50));
    EXPECT_LE(budget.NextWriteAllowed(), clock.Now()) << "read " << read;
  }
  // Back to back, the same reads do slow them.
  {
    const ScopedRead scoped(&budget);
    clock.Advance(absl::Milliseconds(2));
  }
  clock.Advance(absl::Microseconds(300));
  budget.ChargeWrite(absl::Milliseconds(10));
  EXPECT_GT(budget.NextWriteAllowed(), clock.Now());
}

TEST(WriteBudgetTest, AShareOfOneNeverPauses) {
  ManualClock clock;
  WriteBudget budget(ShareOf(1), clock.AsFunction());
  const ScopedRead read(&budget);
  budget.ChargeWrite(absl::Seconds(1));
  EXPECT_LE(budget.NextWriteAllowed(), clock.Now());
}

TEST(WriteBudgetTest, ANullBudgetMarksNothing) {
  const ScopedRead read(nullptr);  // Must not crash: the service may run without one.
}

absl::Duration ThreadCpu() {
  timespec spent{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spent);
  return absl::DurationFromTimespec(spent);
}

// Spins until this thread has used `cpu` of CPU time.
void BurnCpu(absl::Duration cpu) {
  const absl::Duration until = ThreadCpu() + cpu;
  while (ThreadCpu() < until) {
  }
}

// The writer threads keep to the budget: while a read is in flight, the
// batch after a batch of c CPU starts no sooner than c * (1 - s) / s after
// it. A lower bound only, so a loaded machine cannot fail it.
TEST(BackgroundWritersBudgetTest, TheNextBatchWaitsForTheRestItsPredecessorEarned) {
  WriteBudget budget(ShareOf(0.5), [] { return absl::Now(); });
  budget.ReadStarted();
  std::mutex mu;
  absl::Time first_ended;
  absl::Time second_started;
  {
    BackgroundWriters writers(/*threads=*/1, /*nice_increment=*/0, &budget);
    writers.Run([&] {
      BurnCpu(absl::Milliseconds(30));
      std::lock_guard<std::mutex> lock(mu);
      first_ended = absl::Now();
    });
    writers.Run([&] {
      std::lock_guard<std::mutex> lock(mu);
      second_started = absl::Now();
    });
    // Wait for the second batch, boundedly, then let the writers go.
    for (int i = 0; i < 400; ++i) {
      {
        std::lock_guard<std::mutex> lock(mu);
        if (second_started != absl::Time()) break;
      }
      absl::SleepFor(absl::Milliseconds(25));
    }
  }
  budget.ReadFinished();
  // At half a core, 30 ms of CPU earns 30 ms of rest.
  EXPECT_GE(second_started - first_ended, absl::Milliseconds(29));
}

// A service that stops runs what is queued at once: its clients are waiting
// for their answers, and a pause must not hold the shutdown.
TEST(BackgroundWritersBudgetTest, StoppingRunsQueuedBatchesWithoutTheirPause) {
  WriteBudget budget(ShareOf(0.001), [] { return absl::Now(); });
  budget.ReadStarted();
  bool second_ran = false;
  absl::Time stop_began;
  {
    BackgroundWriters writers(/*threads=*/1, /*nice_increment=*/0, &budget);
    // 20 ms at a thousandth of a core earns 20 s of rest.
    writers.Run([] { BurnCpu(absl::Milliseconds(20)); });
    writers.Run([&] { second_ran = true; });
    absl::SleepFor(absl::Milliseconds(100));
    stop_began = absl::Now();
  }
  const absl::Duration stopping = absl::Now() - stop_began;
  budget.ReadFinished();
  EXPECT_TRUE(second_ran);
  EXPECT_LT(stopping, absl::Seconds(15));
}

}  // namespace
}  // namespace docsearch::query
