package app.custodian.privacy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.platform.control.ProblemException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrivacySettingsTest {

  static PrivacySettings settings(String codeTtl, String attempts, String linkTtl) {
    PrivacySettings settings = new PrivacySettings();
    settings.codeTtl = codeTtl;
    settings.codeAttempts = attempts;
    settings.linkTtl = linkTtl;
    return settings;
  }

  @Test
  void validSettingsAreRead() {
    PrivacySettings settings = settings(" PT24H ", "5", "PT30M");
    assertEquals(Duration.ofHours(24), settings.codeTtl());
    assertEquals(5, settings.codeAttempts());
    assertEquals(Duration.ofMinutes(30), settings.linkTtl());
  }

  @Test
  void invalidSettingsFailAtUseNamingTheirKey() {
    assertNamed("custodian.requests.code.ttl", () -> settings("24h", "5", "PT1H").codeTtl());
    assertNamed("custodian.requests.code.ttl", () -> settings("PT0S", "5", "PT1H").codeTtl());
    assertNamed(
        "custodian.requests.code.attempts", () -> settings("PT1H", "0", "PT1H").codeAttempts());
    assertNamed(
        "custodian.requests.code.attempts", () -> settings("PT1H", "many", "PT1H").codeAttempts());
    assertNamed("custodian.requests.link.ttl", () -> settings("PT1H", "5", "-PT1H").linkTtl());
  }

  static void assertNamed(String key, Runnable use) {
    ProblemException e = assertThrows(ProblemException.class, use::run);
    assertEquals(500, e.status());
    assertTrue(e.getMessage().startsWith(key + " "), e.getMessage());
  }
}
