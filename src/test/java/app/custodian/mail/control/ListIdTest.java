package app.custodian.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

class ListIdTest {

  static final String CAMPAIGN = "6f1c2a7e-0b9d-4c1e-9a51-1f2e3d4c5b6a";

  @Test
  void namesTheListByItsLabelUnderTheHostOfTheBaseUrl() {
    assertEquals(
        "Monthly news <" + CAMPAIGN + ".list-id.custodian.example.vn>",
        ListId.of("Monthly news", CAMPAIGN, "https://Custodian.Example.vn:8443/app"));
  }

  @Test
  void aNameWithSpecialsOrAccentsIsAProperPhrase() throws Exception {
    String quoted = ListId.of("Offers: <new>, \"hot\"", CAMPAIGN, "https://x.example");
    assertEquals("\"Offers: <new>, \\\"hot\\\"\" <" + CAMPAIGN + ".list-id.x.example>", quoted);

    String vietnamese = ListId.of("Tin tháng 12 của Công ty", CAMPAIGN, "https://x.example");
    assertTrue(vietnamese.chars().allMatch(c -> c < 128), "RFC 2047 encoded: " + vietnamese);
    InternetAddress parsed = new InternetAddress(vietnamese);
    assertEquals("Tin tháng 12 của Công ty", parsed.getPersonal());
    assertEquals(CAMPAIGN + ".list-id.x.example", parsed.getAddress());
  }

  @Test
  void lineBreaksInTheNameCannotMakeAnotherHeader() {
    String value = ListId.of("News\r\nBcc: someone@example.com", CAMPAIGN, "https://x.example");
    assertFalse(value.contains("\r") || value.contains("\n"), value);
  }

  @Test
  void withoutABaseUrlHostTheIdIsUnderLocalhost() {
    assertEquals("<a.list-id.localhost>", ListId.of(" ", "a", "not a url"));
  }

  @Test
  void theLabelMustBeADotAtom() {
    assertThrows(IllegalArgumentException.class, () -> ListId.of("n", "a b", "https://x"));
  }
}
