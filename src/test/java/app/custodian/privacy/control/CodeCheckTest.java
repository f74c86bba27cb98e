package app.custodian.privacy.control;

import static app.custodian.privacy.control.CodeCheck.Outcome.DEAD;
import static app.custodian.privacy.control.CodeCheck.Outcome.NONE;
import static app.custodian.privacy.control.CodeCheck.Outcome.VERIFIED;
import static app.custodian.privacy.control.CodeCheck.Outcome.WRONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeCheckTest {

  static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
  static final Instant EXPIRES = NOW.plus(Duration.ofHours(24));

  @Test
  void theRightCodeBeforeExpiryVerifies() {
    assertEquals(VERIFIED, CodeCheck.decide("abc", EXPIRES, 0, 5, "abc", NOW));
    assertEquals(VERIFIED, CodeCheck.decide("abc", EXPIRES, 4, 5, "abc", NOW));
  }

  @Test
  void aWrongCodeIsWrong() {
    assertEquals(WRONG, CodeCheck.decide("abc", EXPIRES, 0, 5, "abd", NOW));
  }

  @Test
  void anExpiredCodeIsDeadEvenWhenRight() {
    assertEquals(DEAD, CodeCheck.decide("abc", EXPIRES, 0, 5, "abc", EXPIRES));
    assertEquals(DEAD, CodeCheck.decide("abc", EXPIRES, 0, 5, "abc", EXPIRES.plusSeconds(1)));
    assertEquals(VERIFIED, CodeCheck.decide("abc", EXPIRES, 0, 5, "abc", EXPIRES.minusNanos(1)));
  }

  @Test
  void aCodeTriedTooOftenIsDeadEvenWhenRight() {
    assertEquals(DEAD, CodeCheck.decide("abc", EXPIRES, 5, 5, "abc", NOW));
    assertEquals(DEAD, CodeCheck.decide("abc", EXPIRES, 1, 1, "abc", NOW));
  }

  @Test
  void withoutACodeSentThereIsNothingToCheck() {
    assertEquals(NONE, CodeCheck.decide(null, null, 0, 5, "abc", NOW));
  }

  @Test
  void codesAreSixDigits() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String code = CodeCheck.newCode();
      assertTrue(code.matches("[0-9]{6}"), code);
      assertTrue(CodeCheck.wellFormed(code));
      seen.add(code);
    }
    assertTrue(seen.size() > 150, "codes are random");
    assertFalse(CodeCheck.wellFormed("12345"));
    assertFalse(CodeCheck.wellFormed("12345a"));
    assertFalse(CodeCheck.wellFormed(null));
  }
}
