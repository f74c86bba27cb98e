package app.custodian.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.consent.entity.Purpose;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkScopeTest {

  @Test
  void eachLinkOpensOnlyItsOwnPage() {
    String confirmation = LinkScope.confirmation("c-1");

    assertEquals(Optional.of(Purpose.SURVEY), LinkScope.purpose(LinkScope.of(Purpose.SURVEY)));
    assertEquals(Optional.empty(), LinkScope.purpose(LinkScope.PREFERENCES));
    assertEquals(Optional.empty(), LinkScope.purpose(confirmation));
    assertEquals(Optional.empty(), LinkScope.purpose("survey"), "the exact name only");
    assertEquals(Optional.empty(), LinkScope.purpose("privacy-request:1765000000"));

    assertTrue(LinkScope.isPreferences(LinkScope.PREFERENCES));
    assertFalse(LinkScope.isPreferences(LinkScope.of(Purpose.NEWSLETTER)));
    assertFalse(LinkScope.isPreferences(confirmation));

    assertEquals(Optional.of("c-1"), LinkScope.confirmationId(confirmation));
    assertEquals(Optional.empty(), LinkScope.confirmationId(LinkScope.PREFERENCES));
    assertEquals(Optional.empty(), LinkScope.confirmationId(LinkScope.of(Purpose.NEWSLETTER)));
  }
}
