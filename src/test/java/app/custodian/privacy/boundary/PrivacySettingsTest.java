package app.custodian.privacy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.control.ProblemException;
import app.custodian.privacy.control.ClosedRequests;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
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

  @Test
  void closedRequestsAreKeptForAPeriodCountedInTheLocalZone() {
    PrivacySettings settings = new PrivacySettings();
    settings.calendar =
        new LocalCalendar() {
          @Override
          public ZoneId zone() {
            return ZoneId.of("Asia/Ho_Chi_Minh");
          }
        };
    settings.retention = " P3Y ";
    ClosedRequests.Retention retention = settings.retention();

    assertEquals(Period.ofYears(3), retention.period());
    // three years before 2028-02-29 00:30 in Hà Nội is 2025-02-28 00:30 there, 2025-02-27 17:30Z
    assertEquals(
        Instant.parse("2025-02-27T17:30:00Z"),
        retention.closedBefore(Instant.parse("2028-02-28T17:30:00Z")));
    for (String bad : new String[] {"3y", "P0D", "-P1Y", "PT24H"}) {
      settings.retention = bad;
      assertNamed("custodian.requests.retention", settings::retention);
    }
  }

  static void assertNamed(String key, Runnable use) {
    ProblemException e = assertThrows(ProblemException.class, use::run);
    assertEquals(500, e.status());
    assertTrue(e.getMessage().startsWith(key + " "), e.getMessage());
  }
}
