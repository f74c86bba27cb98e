package app.custodian.incident.control;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Moments as clients write them: ISO-8601 with {@code Z} or an offset. */
public final class Moments {

  /** Clocks of clients run a little ahead: a moment this close to now is not "in the future". */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private Moments() {}

  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static boolean inTheFuture(Instant moment, Instant now) {
    return moment.isAfter(now.plus(CLOCK_SKEW));
  }
}
