package app.custodian.privacy.control;

import app.custodian.platform.control.Enums;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deadlines of a privacy request: acknowledgement and completion dates counted in working days
 * (Vietnamese rules, the default) or in months (GDPR article 12(3)), skipping Saturdays, Sundays
 * and the configured public holidays. Dates are local to the zone that decides "today".
 */
public final class DeadlineRules {

  /** Which law's way of counting decides the due date. */
  public enum Mode {
    /** Decree 356/2025: working days. */
    VN,
    /** GDPR art. 12(3): one month, extendable by two. */
    GDPR
  }

  static final Period GDPR_DUE = Period.ofMonths(1);
  static final Period GDPR_EXTENSION = Period.ofMonths(2);

  private final Mode mode;
  private final ZoneId zone;
  private final int acknowledgeDays;
  private final int dueDays;
  private final int dueWithProcessorsDays;
  private final int extensionDays;
  private final Set<LocalDate> holidays;

  public DeadlineRules(
      Mode mode,
      ZoneId zone,
      int acknowledgeDays,
      int dueDays,
      int dueWithProcessorsDays,
      int extensionDays,
      Set<LocalDate> holidays) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.acknowledgeDays = acknowledgeDays;
    this.dueDays = dueDays;
    this.dueWithProcessorsDays = dueWithProcessorsDays;
    this.extensionDays = extensionDays;
    this.holidays = Set.copyOf(holidays);
  }

  /**
   * Rules from the text of the settings; a bad value fails with the setting's key named.
   *
   * @param holidays comma-separated ISO dates, may be blank
   */
  public static DeadlineRules parse(
      String mode,
      ZoneId zone,
      String acknowledgeDays,
      String dueDays,
      String dueWithProcessorsDays,
      String extensionDays,
      String holidays) {
    return new DeadlineRules(
        mode(mode),
        zone,
        days("custodian.requests.acknowledge.working.days", acknowledgeDays),
        days("custodian.requests.due.working.days", dueDays),
        days("custodian.requests.due.with.processors.working.days", dueWithProcessorsDays),
        days("custodian.requests.extension.working.days", extensionDays),
        holidays(holidays));
  }

  public Mode mode() {
    return mode;
  }

  /** The local date on which a request arrived at this instant. */
  public LocalDate receivedOn(Instant receivedAt) {
    return receivedAt.atZone(zone).toLocalDate();
  }

  public LocalDate acknowledgeBy(Instant receivedAt) {
    return plusWorkingDays(receivedOn(receivedAt), acknowledgeDays);
  }

  public LocalDate dueBy(Instant receivedAt, boolean processorsInvolved) {
    LocalDate received = receivedOn(receivedAt);
    if (mode == Mode.GDPR) {
      return onOrAfterWorkingDay(received.plus(GDPR_DUE));
    }
    return plusWorkingDays(received, processorsInvolved ? dueWithProcessorsDays : dueDays);
  }

  /** The due date after the one extension the rules allow. */
  public LocalDate extended(LocalDate dueBy) {
    if (mode == Mode.GDPR) {
      return onOrAfterWorkingDay(dueBy.plus(GDPR_EXTENSION));
    }
    return plusWorkingDays(dueBy, extensionDays);
  }

  public boolean workingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
  }

  /** The date {@code days} working days after {@code start}; the start itself never counts. */
  public LocalDate plusWorkingDays(LocalDate start, int days) {
    LocalDate date = start;
    int counted = 0;
    while (counted < days) {
      date = date.plusDays(1);
      if (workingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  private LocalDate onOrAfterWorkingDay(LocalDate date) {
    LocalDate next = date;
    while (!workingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  private static Mode mode(String text) {
    return Enums.parse(Mode.class, text)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "custodian.requests.mode must be VN or GDPR, not '" + text + "'"));
  }

  private static int days(String key, String text) {
    try {
      int days = Integer.parseInt(text == null ? "" : text.strip());
      if (days < 0 || days > 366) {
        throw new NumberFormatException();
      }
      return days;
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          key + " must be a whole number of days from 0 to 366, not '" + text + "'");
    }
  }

  private static Set<LocalDate> holidays(String text) {
    Set<LocalDate> dates = new TreeSet<>();
    if (text == null || text.isBlank()) {
      return dates;
    }
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        dates.add(LocalDate.parse(part.strip()));
      } catch (DateTimeException e) {
        throw new IllegalStateException(
            "custodian.public.holidays must list ISO dates (2026-09-02,...), not '"
                + part.strip()
                + "'");
      }
    }
    return dates;
  }
}
