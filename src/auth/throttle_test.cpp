#include "auth/throttle.h"

#include <gtest/gtest.h>

namespace mamori::auth {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

class ThrottleTest : public ::testing::Test {
 protected:
  TimePoint now_ = TimePoint(seconds(1795305600));
  Clock clock_ = [this] { return now_; };
};

TEST_F(ThrottleTest, SixthAttemptIsLockedAndTheLockEnds) {
  Throttle t({}, clock_);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(t.LockedFor("yamada", "192.0.2.1").count(), 0);
    EXPECT_FALSE(t.RecordFailure("yamada", "192.0.2.1"));
    now_ += seconds(10);
  }
  EXPECT_TRUE(t.RecordFailure("yamada", "192.0.2.1"));  // the 5th failure starts the lock
  EXPECT_EQ(t.LockedFor("yamada", "192.0.2.1"), minutes(15));
  EXPECT_EQ(t.LockedFor("YAMADA", "198.51.100.7"), minutes(15));  // from anywhere, in any case
  EXPECT_EQ(t.LockedFor("suzuki", "192.0.2.1").count(), 0);      // others are not locked out
  now_ += minutes(14);
  EXPECT_EQ(t.LockedFor("yamada", "").count(), 60);
  now_ += minutes(1);
  EXPECT_EQ(t.LockedFor("yamada", "").count(), 0);
  EXPECT_FALSE(t.RecordFailure("yamada", ""));  // counting starts afresh
}

TEST_F(ThrottleTest, FailuresOutsideTheWindowAreForgotten) {
  Throttle t({}, clock_);
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(t.RecordFailure("yamada", ""));
  now_ += minutes(16);
  EXPECT_FALSE(t.RecordFailure("yamada", ""));
  EXPECT_EQ(t.LockedFor("yamada", "").count(), 0);
}

TEST_F(ThrottleTest, SuccessClearsTheLoginsFailures) {
  Throttle t({}, clock_);
  for (int i = 0; i < 4; ++i) t.RecordFailure("yamada", "");
  t.RecordSuccess("yamada");
  EXPECT_FALSE(t.RecordFailure("yamada", ""));
}

TEST_F(ThrottleTest, OneAddressTryingManyLoginsIsLocked) {
  ThrottleOptions o;
  o.max_failures_per_address = 3;
  Throttle t(o, clock_);
  EXPECT_FALSE(t.RecordFailure("a", "203.0.113.9"));
  EXPECT_FALSE(t.RecordFailure("b", "203.0.113.9"));
  EXPECT_TRUE(t.RecordFailure("c", "203.0.113.9"));
  EXPECT_GT(t.LockedFor("d", "203.0.113.9").count(), 0);
  EXPECT_EQ(t.LockedFor("d", "192.0.2.1").count(), 0);
}

TEST_F(ThrottleTest, MemoryStaysBounded) {
  ThrottleOptions o;
  o.max_tracked = 50;
  Throttle t(o, clock_);
  for (int i = 0; i < 1000; ++i) {
    t.RecordFailure("user" + std::to_string(i), "");
    now_ += seconds(1);
  }
  // The latest are still counted.
  for (int i = 0; i < 3; ++i) t.RecordFailure("user999", "");
  EXPECT_TRUE(t.RecordFailure("user999", ""));
}

}  // namespace
}  // namespace mamori::auth
