package app.custodian.renewal.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * On which days before a contract's last day a reminder is due. A reminder missed on its day (a
 * failed night) is still due on the following days, until the next offset's day or the last day:
 * the due offset is the smallest one not shorter than the days left.
 *
 * @param offsets days before the last day, distinct and positive, longest first
 */
public record RenewalSchedule(List<Integer> offsets) {

  public RenewalSchedule {
    offsets = offsets.stream().distinct().sorted((a, b) -> b - a).toList();
    if (offsets.isEmpty() || offsets.get(offsets.size() - 1) < 1) {
      throw new IllegalArgumentException("Renewal offsets must be whole days of at least 1");
    }
  }

  /**
   * Reads {@code CUSTODIAN_RENEWAL_OFFSETS}, such as {@code 30,7,1}.
   *
   * @throws IllegalArgumentException for anything but a comma-separated list of positive days
   */
  public static RenewalSchedule parse(String text) {
    try {
      return new RenewalSchedule(
          Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).toList());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "CUSTODIAN_RENEWAL_OFFSETS must list days such as 30,7,1, not " + text, e);
    }
  }

  /** The longest offset: no contract ending later than today plus this many days is due. */
  public int longest() {
    return offsets.get(0);
  }

  /** The offset whose reminder is due today, or empty when none is (too early, or ended). */
  public OptionalInt dueOffset(LocalDate lastDay, LocalDate today) {
    long daysLeft = ChronoUnit.DAYS.between(today, lastDay);
    if (daysLeft < 0) {
      return OptionalInt.empty();
    }
    return offsets.stream().mapToInt(Integer::intValue).filter(d -> d >= daysLeft).min();
  }
}
