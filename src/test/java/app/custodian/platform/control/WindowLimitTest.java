package app.custodian.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WindowLimitTest {

  private Instant now = Instant.parse("2026-12-07T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void eachKeyHasItsOwnCountUntilTheWindowEnds() {
    WindowLimit limit = new WindowLimit(2, Duration.ofHours(1), 100, clock);

    assertTrue(limit.tryAcquire("a"));
    assertTrue(limit.tryAcquire("a"));
    assertFalse(limit.tryAcquire("a"), "the third in the hour");
    assertTrue(limit.tryAcquire("b"), "another client is not held up");
    now = now.plus(Duration.ofMinutes(59));
    assertFalse(limit.tryAcquire("a"));
    now = now.plus(Duration.ofMinutes(1));
    assertTrue(limit.tryAcquire("a"), "a new window");
  }

  @Test
  void memoryStaysBoundedWhateverTheNumberOfKeys() {
    WindowLimit limit = new WindowLimit(1, Duration.ofHours(1), 10, clock);
    assertTrue(limit.tryAcquire("a"));
    assertFalse(limit.tryAcquire("a"));

    for (int i = 0; i < 10_000; i++) {
      limit.tryAcquire("client-" + i);
    }

    assertTrue(limit.tryAcquire("a"), "past the bound every count starts again");
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new WindowLimit(0, Duration.ofHours(1), 1, clock));
    assertThrows(IllegalArgumentException.class, () -> new WindowLimit(1, Duration.ZERO, 1, clock));
  }
}
