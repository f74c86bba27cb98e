package app.custodian.consent.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsentNoticeTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration FIRST = Duration.ofSeconds(30);

  @Test
  void aNewNoticeIsDueAtOnce() {
    ConsentNotice notice =
        new ConsentNotice(
            "6f1c2b9e-3d4a-4f5b-8c6d-7e8f9a0b1c2d", NoticeKind.GRANTED, Purpose.SURVEY, NOW);

    assertTrue(notice.dueAt(NOW));
    assertEquals(0, notice.attempts());
  }

  @Test
  void retriesWaitTwiceAsLongEachTimeUpToAnHourAndGiveUpAfterAboutADay() {
    ConsentNotice notice =
        new ConsentNotice(
            "6f1c2b9e-3d4a-4f5b-8c6d-7e8f9a0b1c2d", NoticeKind.WITHDRAWN, Purpose.SURVEY, NOW);

    notice.retryLater(NOW, FIRST);
    assertEquals(NOW.plusSeconds(30), notice.nextAttemptAt());
    assertFalse(notice.dueAt(NOW.plusSeconds(29)));
    notice.retryLater(NOW, FIRST);
    assertEquals(NOW.plusSeconds(60), notice.nextAttemptAt());
    notice.retryLater(NOW, FIRST);
    assertEquals(NOW.plusSeconds(120), notice.nextAttemptAt());

    Duration waited = Duration.ofSeconds(30 + 60 + 120);
    while (!notice.exhausted()) {
      notice.retryLater(NOW, FIRST);
      assertTrue(Duration.between(NOW, notice.nextAttemptAt()).compareTo(Duration.ofHours(1)) <= 0);
      waited = waited.plus(Duration.between(NOW, notice.nextAttemptAt()));
    }
    assertTrue(waited.compareTo(Duration.ofHours(20)) > 0, "kept trying for " + waited);
    assertTrue(waited.compareTo(Duration.ofHours(30)) < 0, "gave up after " + waited);
  }
}
