package app.custodian.consent.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsentConfirmationTest {

  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  static final String CUSTOMER = UUID.randomUUID().toString();

  @Test
  void itConfirmsOnceBeforeItExpires() {
    ConsentConfirmation confirmation =
        new ConsentConfirmation(
            CUSTOMER, List.of(Purpose.SURVEY, Purpose.NEWSLETTER), NOW, Duration.ofHours(48));

    assertTrue(confirmation.open(NOW.plus(Duration.ofHours(47))));
    assertFalse(confirmation.open(NOW.plus(Duration.ofHours(48))), "expired");
    assertEquals(
        Set.of(Purpose.NEWSLETTER, Purpose.SURVEY), confirmation.confirm(NOW.plusSeconds(5)));
    assertFalse(confirmation.open(NOW.plusSeconds(6)), "used");
    assertThrows(IllegalStateException.class, () -> confirmation.confirm(NOW.plusSeconds(7)));
  }

  @Test
  void anExpiredOneCannotBeConfirmed() {
    ConsentConfirmation confirmation =
        new ConsentConfirmation(CUSTOMER, List.of(Purpose.SURVEY), NOW, Duration.ofHours(1));

    assertThrows(
        IllegalStateException.class, () -> confirmation.confirm(NOW.plus(Duration.ofHours(2))));
  }

  @Test
  void sharingWithThirdPartiesIsNeverConfirmedFromAPublicPage() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ConsentConfirmation(
                CUSTOMER,
                List.of(Purpose.NEWSLETTER, Purpose.THIRD_PARTY_SHARING),
                NOW,
                Duration.ofHours(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ConsentConfirmation(CUSTOMER, List.of(), NOW, Duration.ofHours(1)));
  }
}
