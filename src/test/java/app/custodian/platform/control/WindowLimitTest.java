package app.custodian.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowLimitTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

  @Test
  void eachKeyHasItsOwnCountUntilTheWindowEnds() {
    WindowLimit limit = new WindowLimit(2, Duration.ofHours(1), 100, clock);

    assertTrue(limit.tryAcquire("a"));
    assertTrue(limit.tryAcquire("a"));
    assertFalse(limit.tryAcquire("a"), "the third in the hour");
    assertTrue(limit.tryAcquire("b"), "another client is not held up");
    clock.advance(Duration.ofMinutes(59));
    assertFalse(limit.tryAcquire("a"));
    clock.advance(Duration.ofMinutes(1));
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
