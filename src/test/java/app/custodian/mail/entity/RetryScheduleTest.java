package app.custodian.mail.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration FIRST = Duration.ofSeconds(30);

  @Test
  void aNewScheduleIsDueAtOnce() {
    RetrySchedule retry = new RetrySchedule(NOW);

    assertTrue(retry.dueAt(NOW));
    assertFalse(retry.dueAt(NOW.minusNanos(1000)));
    assertEquals(0, retry.attempts());
    assertFalse(retry.exhausted());
  }

  @Test
  void retriesWaitTwiceAsLongEachTimeUpToAnHourAndGiveUpAfterAboutADay() {
    RetrySchedule retry = new RetrySchedule(NOW);

    retry.retryLater(NOW, FIRST);
    assertEquals(NOW.plusSeconds(30), retry.nextAttemptAt());
    assertFalse(retry.dueAt(NOW.plusSeconds(29)));
    retry.retryLater(NOW, FIRST);
    assertEquals(NOW.plusSeconds(60), retry.nextAttemptAt());
    retry.retryLater(NOW, FIRST);
    assertEquals(NOW.plusSeconds(120), retry.nextAttemptAt());

    Duration waited = Duration.ofSeconds(30 + 60 + 120);
    while (!retry.exhausted()) {
      retry.retryLater(NOW, FIRST);
      assertTrue(Duration.between(NOW, retry.nextAttemptAt()).compareTo(Duration.ofHours(1)) <= 0);
      waited = waited.plus(Duration.between(NOW, retry.nextAttemptAt()));
    }
    assertEquals(30, retry.attempts());
    assertTrue(waited.compareTo(Duration.ofHours(20)) > 0, "kept trying for " + waited);
    assertTrue(waited.compareTo(Duration.ofHours(30)) < 0, "gave up after " + waited);
  }
}
