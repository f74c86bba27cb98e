package app.custodian.retention.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** When the nightly run happens: every day at a local time in {@code CUSTODIAN_ZONE}. */
public record NightlySchedule(LocalTime at, ZoneId zone) {

  public NightlySchedule {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * Reads {@code CUSTODIAN_NIGHTLY_AT} ({@code 02:00}, or with seconds) and the zone.
   *
   * @throws IllegalArgumentException naming the setting that cannot be read
   */
  public static NightlySchedule of(String at, String zone) {
    try {
      return new NightlySchedule(LocalTime.parse(at.strip()), ZoneId.of(zone.strip()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "CUSTODIAN_NIGHTLY_AT must be a local time such as 02:00, not " + at, e);
    }
  }

  /** The night whose run time was the latest one at or before {@code now}. */
  public LocalDate lastNight(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    LocalDate today = local.toLocalDate();
    return local.toLocalTime().isBefore(at) ? today.minusDays(1) : today;
  }

  /** The moment the run of that night is due. */
  public Instant runTime(LocalDate night) {
    return night.atTime(at).atZone(zone).toInstant();
  }

  /** The next run time after {@code now}. */
  public Instant nextRun(Instant now) {
    return runTime(lastNight(now).plusDays(1));
  }
}
