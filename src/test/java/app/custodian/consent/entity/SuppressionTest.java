package app.custodian.consent.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SuppressionTest {

  private static Suppression entry(String scope, SuppressionReason reason) {
    return new Suppression("index", scope, reason, Instant.EPOCH);
  }

  @Test
  void anEntryBlocksItsPurposeOrAll() {
    assertTrue(entry("NEWSLETTER", SuppressionReason.UNSUBSCRIBED).blocks(Purpose.NEWSLETTER));
    assertFalse(entry("NEWSLETTER", SuppressionReason.UNSUBSCRIBED).blocks(Purpose.SURVEY));
    assertTrue(entry(Suppression.ALL, SuppressionReason.COMPLAINT).blocks(Purpose.SURVEY));
  }

  @Test
  void theOwnersOptInLiftsEverythingButAHardBounce() {
    assertTrue(
        entry("NEWSLETTER", SuppressionReason.UNSUBSCRIBED).liftedByOptIn(Purpose.NEWSLETTER));
    assertTrue(entry(Suppression.ALL, SuppressionReason.ERASED).liftedByOptIn(Purpose.NEWSLETTER));
    assertFalse(
        entry(Suppression.ALL, SuppressionReason.HARD_BOUNCE).liftedByOptIn(Purpose.NEWSLETTER));
    assertFalse(entry("SURVEY", SuppressionReason.UNSUBSCRIBED).liftedByOptIn(Purpose.NEWSLETTER));
  }
}
