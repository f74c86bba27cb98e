package app.custodian.consent.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Which policy version is in force on a day. */
public final class PolicyTimeline {

  /** A registered version and when it takes effect. */
  public record Dated(String version, LocalDate effectiveOn, Instant createdAt) {}

  private static final Comparator<Dated> LATEST =
      Comparator.comparing(Dated::effectiveOn)
          .thenComparing(Dated::createdAt)
          .thenComparing(Dated::version);

  private PolicyTimeline() {}

  /**
   * The version with the latest effective day not after {@code day}; of two taking effect the same
   * day, the one registered last. Empty before the first version takes effect.
   */
  public static Optional<String> inForce(Collection<Dated> versions, LocalDate day) {
    return versions.stream()
        .filter(v -> !v.effectiveOn().isAfter(day))
        .max(LATEST)
        .map(Dated::version);
  }
}
