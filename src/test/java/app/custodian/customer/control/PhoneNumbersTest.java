package app.custodian.customer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  @Test
  void vietnameseMobileWithoutCountryCode() {
    assertEquals("+84912345678", PhoneNumbers.toE164("0912 345 678"));
  }

  @Test
  void vietnameseLandlineWithAreaCodeInParentheses() {
    assertEquals("+842838221234", PhoneNumbers.toE164("(028) 3822 1234"));
  }

  @Test
  void faxStyleHanoiLandline() {
    assertEquals("+842438253536", PhoneNumbers.toE164("024.3825.3536"));
  }

  @Test
  void internationalFormatsOfAVietnameseNumber() {
    assertEquals("+84912345678", PhoneNumbers.toE164("+84 912 345 678"));
    assertEquals("+84912345678", PhoneNumbers.toE164("+84-91-234-5678"));
  }

  @Test
  void plusPrefixedNumberIsParsedInItsOwnRegion() {
    assertEquals("+442079460958", PhoneNumbers.toE164("+44 20 7946 0958"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "abc", "0912", "+84 12", "+1 555"})
  void invalidNumbersAreRejectedWithoutEchoingTheInput(String raw) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PhoneNumbers.toE164(raw));
    assertEquals("not a valid phone number", e.getMessage());
    assertFalse(e.getMessage().contains(raw));
  }

  @Test
  void blankGivesNull() {
    assertNull(PhoneNumbers.toE164(null));
    assertNull(PhoneNumbers.toE164(""));
    assertNull(PhoneNumbers.toE164("   "));
  }
}
