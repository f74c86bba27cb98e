package app.custodian.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NightlyScheduleTest {

  static final NightlySchedule TWO_AM_HANOI = NightlySchedule.of("02:00", "Asia/Ho_Chi_Minh");

  @Test
  void theRunIsAtTheLocalTimeOfTheZone() {
    // 02:00 in Hanoi (UTC+7) is 19:00 UTC the day before
    assertEquals(
        Instant.parse("2026-11-24T19:00:00Z"), TWO_AM_HANOI.runTime(LocalDate.of(2026, 11, 25)));
  }

  @Test
  void beforeTheRunTimeTheLastNightIsYesterday() {
    Instant oneAmHanoi = Instant.parse("2026-11-24T18:00:00Z");
    assertEquals(LocalDate.of(2026, 11, 24), TWO_AM_HANOI.lastNight(oneAmHanoi));
    assertEquals(Instant.parse("2026-11-24T19:00:00Z"), TWO_AM_HANOI.nextRun(oneAmHanoi));
  }

  @Test
  void fromTheRunTimeOnTheLastNightIsToday() {
    Instant twoAmHanoi = Instant.parse("2026-11-24T19:00:00Z");
    assertEquals(LocalDate.of(2026, 11, 25), TWO_AM_HANOI.lastNight(twoAmHanoi));
    assertEquals(Instant.parse("2026-11-25T19:00:00Z"), TWO_AM_HANOI.nextRun(twoAmHanoi));
  }

  @Test
  void aTimeWithSecondsIsAccepted() {
    assertEquals(
        Instant.parse("2026-03-01T00:00:30Z"),
        NightlySchedule.of("00:00:30", "UTC").runTime(LocalDate.of(2026, 3, 1)));
  }

  @Test
  void anUnreadableTimeIsNamed() {
    assertThrows(IllegalArgumentException.class, () -> NightlySchedule.of("2am", "UTC"));
  }
}
