package app.custodian.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  static final RetentionPolicy DEFAULTS = RetentionPolicy.of("P90D", "P730D", "Asia/Ho_Chi_Minh");

  /** 2026-06-10 00:30 in Hanoi is still 2026-06-09 in UTC. */
  static final Instant JUST_AFTER_MIDNIGHT_IN_HANOI = Instant.parse("2026-06-09T17:30:00Z");

  @Test
  void todayIsTheDateInTheConfiguredZoneNotInUtc() {
    assertEquals(LocalDate.of(2026, 6, 10), DEFAULTS.today(JUST_AFTER_MIDNIGHT_IN_HANOI));
    assertEquals(
        LocalDate.of(2026, 6, 9),
        RetentionPolicy.of("P90D", "P730D", "UTC").today(JUST_AFTER_MIDNIGHT_IN_HANOI));
  }

  @Test
  void aContractEndedNinetyDaysAgoStaysOneMoreDay() {
    Instant now = JUST_AFTER_MIDNIGHT_IN_HANOI; // today 2026-06-10
    LocalDate ninetyDaysAgo = LocalDate.of(2026, 3, 12);
    assertEquals(Optional.empty(), DEFAULTS.ruleFor(contractEnded(ninetyDaysAgo), now));
    assertEquals(
        Optional.of(RetentionRule.CONTRACT_ENDED),
        DEFAULTS.ruleFor(contractEnded(ninetyDaysAgo.minusDays(1)), now));
  }

  @Test
  void monthPeriodsEndOnTheLastDayOfAShorterMonth() {
    RetentionPolicy threeMonths = RetentionPolicy.of("P3M", "P730D", "Asia/Ho_Chi_Minh");
    Instant may31 = Instant.parse("2026-05-31T05:00:00Z");
    // 31 May minus three months is 28 February (2026 is no leap year)
    assertEquals(LocalDate.of(2026, 2, 28), threeMonths.contractEndedBefore(may31));
    assertEquals(
        Optional.of(RetentionRule.CONTRACT_ENDED),
        threeMonths.ruleFor(contractEnded(LocalDate.of(2026, 2, 27)), may31));
    assertEquals(
        Optional.empty(), threeMonths.ruleFor(contractEnded(LocalDate.of(2026, 2, 28)), may31));
  }

  @Test
  void leapYearsCountTheirExtraDay() {
    // P730D is two years of days, one short of two calendar years across 29 Feb 2028
    Instant now = Instant.parse("2029-03-01T05:00:00Z");
    assertEquals(Instant.parse("2027-03-02T05:00:00Z"), DEFAULTS.inactiveSince(now));
    RetentionPolicy twoYears = RetentionPolicy.of("P90D", "P2Y", "Asia/Ho_Chi_Minh");
    assertEquals(Instant.parse("2027-03-01T05:00:00Z"), twoYears.inactiveSince(now));
    Instant feb29 = Instant.parse("2028-02-29T05:00:00Z");
    assertEquals(LocalDate.of(2027, 12, 1), DEFAULTS.contractEndedBefore(feb29));
  }

  @Test
  void aLeadGoesAfterTheInactivityPeriodWithoutGrantedConsent() {
    Instant now = Instant.parse("2026-06-10T03:00:00Z");
    Instant threeYearsAgo = Instant.parse("2023-06-10T03:00:00Z");
    Instant oneYearAgo = Instant.parse("2025-06-10T03:00:00Z");
    assertEquals(
        Optional.of(RetentionRule.LEAD_INACTIVE),
        DEFAULTS.ruleFor(new CustomerFacts(false, null, false, threeYearsAgo), now));
    assertEquals(
        Optional.empty(),
        DEFAULTS.ruleFor(new CustomerFacts(false, null, true, threeYearsAgo), now),
        "a granted consent keeps them");
    assertEquals(
        Optional.empty(),
        DEFAULTS.ruleFor(new CustomerFacts(false, null, false, oneYearAgo), now),
        "recent activity keeps them");
  }

  @Test
  void aCustomerWithAContractIsJudgedByItsEndOnly() {
    Instant now = Instant.parse("2026-06-10T03:00:00Z");
    Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
    assertEquals(
        Optional.empty(),
        DEFAULTS.ruleFor(new CustomerFacts(false, LocalDate.of(2026, 6, 1), false, longAgo), now),
        "an inactive record with a recent contract stays");
  }

  @Test
  void aLegalHoldKeepsEveryone() {
    Instant now = Instant.parse("2026-06-10T03:00:00Z");
    Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
    assertEquals(
        Optional.empty(),
        DEFAULTS.ruleFor(new CustomerFacts(true, LocalDate.of(2020, 1, 1), false, longAgo), now));
    assertEquals(
        Optional.empty(), DEFAULTS.ruleFor(new CustomerFacts(true, null, false, longAgo), now));
  }

  @Test
  void settingsThatAreNotPeriodsAreNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RetentionPolicy.of("90 days", "P730D", "Asia/Ho_Chi_Minh"));
    assertTrue(e.getMessage().contains("CUSTODIAN_RETENTION_AFTER_CONTRACT_END"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> RetentionPolicy.of("P90D", "P-1D", "Asia/Ho_Chi_Minh"));
  }

  private static CustomerFacts contractEnded(LocalDate lastDay) {
    return new CustomerFacts(false, lastDay, false, Instant.parse("2020-01-01T00:00:00Z"));
  }
}
