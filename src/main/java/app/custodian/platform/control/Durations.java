package app.custodian.platform.control;

import java.time.DateTimeException;
import java.time.Duration;

/** Durations from settings. */
public final class Durations {

  private Durations() {}

  /**
   * @throws IllegalArgumentException naming the setting unless {@code text} is a positive ISO-8601
   *     duration
   */
  public static Duration positive(String key, String text) {
    try {
      Duration duration = Duration.parse(text.strip());
      if (duration.isNegative() || duration.isZero()) {
        throw new DateTimeException("not positive");
      }
      return duration;
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          key + " must be a positive ISO-8601 duration such as PT24H, not '" + text + "'");
    }
  }
}
