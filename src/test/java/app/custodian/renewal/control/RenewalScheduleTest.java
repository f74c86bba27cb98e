package app.custodian.renewal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RenewalScheduleTest {

  static final RenewalSchedule DEFAULTS = RenewalSchedule.parse("30, 7, 1");

  @Test
  void eachOffsetIsDueOnItsDay() {
    LocalDate lastDay = LocalDate.of(2026, 12, 31);
    assertEquals(OptionalInt.of(30), DEFAULTS.dueOffset(lastDay, LocalDate.of(2026, 12, 1)));
    assertEquals(OptionalInt.of(7), DEFAULTS.dueOffset(lastDay, LocalDate.of(2026, 12, 24)));
    assertEquals(OptionalInt.of(1), DEFAULTS.dueOffset(lastDay, LocalDate.of(2026, 12, 30)));
  }

  @Test
  void nothingIsDueTooEarlyOrAfterTheLastDay() {
    LocalDate lastDay = LocalDate.of(2026, 12, 31);
    assertEquals(OptionalInt.empty(), DEFAULTS.dueOffset(lastDay, LocalDate.of(2026, 11, 30)));
    assertEquals(OptionalInt.empty(), DEFAULTS.dueOffset(lastDay, LocalDate.of(2027, 1, 1)));
  }

  @Test
  void aMissedDayIsCaughtUpUntilTheNextOffset() {
    LocalDate lastDay = LocalDate.of(2026, 12, 31);
    // the 7-day reminder was due on the 24th; on the 26th (5 days left) it is still the one due
    assertEquals(OptionalInt.of(7), DEFAULTS.dueOffset(lastDay, LocalDate.of(2026, 12, 26)));
    // a missed 1-day reminder still goes on the last day itself
    assertEquals(OptionalInt.of(1), DEFAULTS.dueOffset(lastDay, lastDay));
  }

  @Test
  void daysAreCountedAcrossMonthEndsAndLeapDays() {
    // 30 days before 1 March 2028 is 31 January: February 2028 has 29 days
    LocalDate march1 = LocalDate.of(2028, 3, 1);
    assertEquals(OptionalInt.of(30), DEFAULTS.dueOffset(march1, LocalDate.of(2028, 1, 31)));
    assertEquals(OptionalInt.empty(), DEFAULTS.dueOffset(march1, LocalDate.of(2028, 1, 30)));
    // and 1 February in 2027, which has no 29 February
    LocalDate march1NoLeap = LocalDate.of(2027, 3, 1);
    assertEquals(OptionalInt.of(30), DEFAULTS.dueOffset(march1NoLeap, LocalDate.of(2027, 1, 30)));
    assertEquals(OptionalInt.empty(), DEFAULTS.dueOffset(march1NoLeap, LocalDate.of(2027, 1, 29)));
  }

  @Test
  void offsetsAreSortedAndDeduplicated() {
    assertEquals(List.of(30, 7, 1), RenewalSchedule.parse("1,7,30,7").offsets());
    assertEquals(30, RenewalSchedule.parse("1,30,7").longest());
  }

  @Test
  void badOffsetsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> RenewalSchedule.parse("30,seven"));
    assertThrows(IllegalArgumentException.class, () -> RenewalSchedule.parse("30,0"));
    assertThrows(IllegalArgumentException.class, () -> RenewalSchedule.parse(""));
  }
}
