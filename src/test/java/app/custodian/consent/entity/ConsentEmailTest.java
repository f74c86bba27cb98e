package app.custodian.consent.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsentEmailTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void aNewNoticeIsDueAtOnce() {
    ConsentEmail notice =
        new ConsentEmail(
            "6f1c2b9e-3d4a-4f5b-8c6d-7e8f9a0b1c2d", ConsentEmailKind.GRANTED, Purpose.SURVEY, NOW);

    assertTrue(notice.retry().dueAt(NOW));
    assertEquals(0, notice.retry().attempts());
  }
}
