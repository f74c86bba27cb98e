package app.custodian.privacy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DeadlineRulesTest {

  static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String TET_2026 = "2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20";

  static DeadlineRules vn(String holidays) {
    return DeadlineRules.parse("VN", HCM, "2", "15", "20", "15", holidays);
  }

  static DeadlineRules gdpr(String holidays) {
    return DeadlineRules.parse("gdpr", HCM, "2", "15", "20", "15", holidays);
  }

  /** Ten in the morning of that day in Ho Chi Minh City. */
  static Instant morning(String date) {
    return LocalDate.parse(date).atTime(10, 0).atZone(HCM).toInstant();
  }

  static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  @Test
  void acknowledgementIsTwoWorkingDaysAfterTheDayOfReceipt() {
    assertEquals(date("2026-03-04"), vn("").acknowledgeBy(morning("2026-03-02"))); // Mon -> Wed
    assertEquals(date("2026-03-10"), vn("").acknowledgeBy(morning("2026-03-06"))); // Fri -> Tue
  }

  @Test
  void requestsReceivedOnAWeekendCountFromTheNextWorkingDay() {
    assertEquals(date("2026-03-10"), vn("").acknowledgeBy(morning("2026-03-07"))); // Sat -> Tue
    assertEquals(date("2026-03-10"), vn("").acknowledgeBy(morning("2026-03-08"))); // Sun -> Tue
  }

  @Test
  void dueDateIsFifteenWorkingDaysOrTwentyWithProcessors() {
    assertEquals(date("2026-03-23"), vn("").dueBy(morning("2026-03-02"), false));
    assertEquals(date("2026-03-30"), vn("").dueBy(morning("2026-03-02"), true));
  }

  @Test
  void publicHolidaysAreSkipped() {
    // received the Friday before Tết: the whole week of Tết does not count
    assertEquals(date("2026-02-24"), vn(TET_2026).acknowledgeBy(morning("2026-02-13")));
    assertEquals(date("2026-02-17"), vn("").acknowledgeBy(morning("2026-02-13")));
    assertEquals(
        vn("").dueBy(morning("2026-02-13"), false).plusWeeks(1),
        vn(TET_2026).dueBy(morning("2026-02-13"), false));
  }

  @Test
  void aRequestReceivedOnAHolidayCountsFromTheNextWorkingDay() {
    assertEquals(date("2026-02-24"), vn(TET_2026).acknowledgeBy(morning("2026-02-17")));
  }

  @Test
  void countingCrossesTheYearEndAndNewYearsDay() {
    assertEquals(date("2027-01-04"), vn("2027-01-01").acknowledgeBy(morning("2026-12-30")));
    assertEquals(date("2027-01-01"), vn("").acknowledgeBy(morning("2026-12-30")));
  }

  @Test
  void theDayOfReceiptIsTheDayInTheZoneNotInUtc() {
    // Wednesday 18:00 UTC is already Thursday 01:00 in Ho Chi Minh City
    Instant lateWednesdayUtc = Instant.parse("2026-03-04T18:00:00Z");
    assertEquals(date("2026-03-05"), vn("").receivedOn(lateWednesdayUtc));
    assertEquals(date("2026-03-09"), vn("").acknowledgeBy(lateWednesdayUtc)); // Thu -> Mon
    DeadlineRules inUtc = DeadlineRules.parse("VN", ZoneId.of("UTC"), "2", "15", "20", "15", "");
    assertEquals(date("2026-03-06"), inUtc.acknowledgeBy(lateWednesdayUtc)); // Wed -> Fri
    // Friday 20:00 UTC is Saturday in the zone
    assertEquals(date("2026-03-10"), vn("").acknowledgeBy(Instant.parse("2026-03-06T20:00:00Z")));
  }

  @Test
  void theExtensionAddsFifteenWorkingDaysToTheDueDate() {
    assertEquals(date("2026-04-13"), vn("").extended(date("2026-03-23")));
    assertEquals(date("2026-04-14"), vn("2026-04-10").extended(date("2026-03-23")));
  }

  @Test
  void gdprModeGivesOneMonthMovedOffWeekendsAndHolidays() {
    assertEquals(date("2026-04-02"), gdpr("").dueBy(morning("2026-03-02"), false));
    assertEquals(date("2026-04-02"), gdpr("").dueBy(morning("2026-03-02"), true));
    // 31 January + 1 month = 28 February, a Saturday: the Monday after
    assertEquals(date("2026-03-02"), gdpr("").dueBy(morning("2026-01-31"), false));
    // 2 August + 1 month = 2 September, National Day
    assertEquals(date("2026-09-03"), gdpr("2026-09-02").dueBy(morning("2026-08-02"), false));
    // acknowledgement still counts working days
    assertEquals(date("2026-03-04"), gdpr("").acknowledgeBy(morning("2026-03-02")));
  }

  @Test
  void gdprExtensionIsTwoMoreMonths() {
    assertEquals(date("2026-06-02"), gdpr("").extended(date("2026-04-02")));
    // 29 June + 2 months = 29 August, a Saturday
    assertEquals(date("2026-08-31"), gdpr("").extended(date("2026-06-29")));
  }

  @Test
  void workingDays() {
    DeadlineRules rules = vn("2026-09-02");
    assertTrue(rules.workingDay(date("2026-09-01")));
    assertFalse(rules.workingDay(date("2026-09-02")));
    assertFalse(rules.workingDay(date("2026-08-29")));
    assertFalse(rules.workingDay(date("2026-08-30")));
    assertEquals(date("2026-09-01"), rules.plusWorkingDays(date("2026-09-01"), 0));
  }

  @Test
  void holidayListToleratesSpacesAndEmptyItems() {
    assertEquals(
        date("2026-02-24"),
        vn(" 2026-02-16, 2026-02-17 ,,2026-02-18,2026-02-19,2026-02-20 ")
            .acknowledgeBy(morning("2026-02-13")));
  }

  @Test
  void invalidSettingsFailNamingTheirKey() {
    assertMessage(
        "custodian.requests.mode", () -> DeadlineRules.parse("EU", HCM, "2", "15", "20", "15", ""));
    assertMessage(
        "custodian.requests.acknowledge.working.days",
        () -> DeadlineRules.parse("VN", HCM, "two", "15", "20", "15", ""));
    assertMessage(
        "custodian.requests.due.working.days",
        () -> DeadlineRules.parse("VN", HCM, "2", "-1", "20", "15", ""));
    assertMessage(
        "custodian.requests.due.with.processors.working.days",
        () -> DeadlineRules.parse("VN", HCM, "2", "15", "", "15", ""));
    assertMessage(
        "custodian.requests.extension.working.days",
        () -> DeadlineRules.parse("VN", HCM, "2", "15", "20", "1.5", ""));
    assertMessage(
        "custodian.public.holidays",
        () -> DeadlineRules.parse("VN", HCM, "2", "15", "20", "15", "2026-02-30"));
  }

  static void assertMessage(String key, Runnable action) {
    IllegalStateException e = assertThrows(IllegalStateException.class, action::run);
    assertTrue(e.getMessage().startsWith(key + " "), e.getMessage());
  }
}
