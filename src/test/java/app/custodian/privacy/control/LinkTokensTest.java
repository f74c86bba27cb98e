package app.custodian.privacy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.security.control.SignedTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

  static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
  static final byte[] KEY = new byte[32];
  final LinkTokens links = new LinkTokens(new SignedTokens(KEY));
  final String customerId = UUID.randomUUID().toString();

  @Test
  void aLinkWorksUntilItExpires() {
    String token = links.issue(customerId, NOW.plusSeconds(3600));
    assertEquals(Optional.of(customerId), links.customerId(token, NOW));
    assertEquals(Optional.of(customerId), links.customerId(token, NOW.plusSeconds(3599)));
    assertTrue(links.customerId(token, NOW.plusSeconds(3600)).isEmpty());
  }

  @Test
  void forgedAlteredAndOtherTokensAreRefused() {
    String token = links.issue(customerId, NOW.plusSeconds(3600));
    String altered =
        token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
    assertTrue(links.customerId(altered, NOW).isEmpty());
    assertTrue(links.customerId(null, NOW).isEmpty());
    assertTrue(links.customerId("not-a-token", NOW).isEmpty());
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    String forged =
        new LinkTokens(new SignedTokens(otherKey)).issue(customerId, NOW.plusSeconds(60));
    assertTrue(links.customerId(forged, NOW).isEmpty());
    // an unsubscribe token of the same key is not a privacy link
    assertTrue(
        links.customerId(new SignedTokens(KEY).issue(customerId, "NEWSLETTER"), NOW).isEmpty());
  }

  @Test
  void receivedAtAcceptsInstantsOffsetsAndDates() {
    ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
    assertEquals(Optional.of(NOW), ReceivedAt.parse("2026-03-02T03:00:00Z", zone));
    assertEquals(Optional.of(NOW), ReceivedAt.parse(" 2026-03-02T10:00:00+07:00 ", zone));
    assertEquals(
        Optional.of(LocalDate.parse("2026-03-02").atStartOfDay(zone).toInstant()),
        ReceivedAt.parse("2026-03-02", zone));
    assertTrue(ReceivedAt.parse("yesterday", zone).isEmpty());
    assertTrue(ReceivedAt.parse("2026-02-30", zone).isEmpty());
    assertTrue(ReceivedAt.parse("", zone).isEmpty());
  }
}
