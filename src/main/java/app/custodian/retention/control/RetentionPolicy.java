package app.custodian.retention.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The retention rules with their settings. Dates count in {@code CUSTODIAN_ZONE}: a contract whose
 * last day was D ended more than P90D ago once today is after D + 90 days.
 */
public record RetentionPolicy(Period afterContractEnd, Period leadInactivity, ZoneId zone) {

  public RetentionPolicy {
    Objects.requireNonNull(afterContractEnd, "afterContractEnd");
    Objects.requireNonNull(leadInactivity, "leadInactivity");
    Objects.requireNonNull(zone, "zone");
    if (afterContractEnd.isNegative() || leadInactivity.isNegative()) {
      throw new IllegalArgumentException("Retention periods cannot be negative");
    }
  }

  /**
   * Reads the settings as written in configuration.
   *
   * @throws IllegalArgumentException naming the setting that is not an ISO-8601 period or zone
   */
  public static RetentionPolicy of(String afterContractEnd, String leadInactivity, String zone) {
    return new RetentionPolicy(
        period("CUSTODIAN_RETENTION_AFTER_CONTRACT_END", afterContractEnd),
        period("CUSTODIAN_RETENTION_LEAD_INACTIVITY", leadInactivity),
        ZoneId.of(zone.strip()));
  }

  /** The day "today" is at that instant, in the configured zone. */
  public LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, zone);
  }

  /** A contract whose last day is before this date ended long enough ago. */
  public LocalDate contractEndedBefore(Instant now) {
    return today(now).minus(afterContractEnd);
  }

  /** A record whose last activity is before this instant has been inactive long enough. */
  public Instant inactiveSince(Instant now) {
    return now.atZone(zone).minus(leadInactivity).toInstant();
  }

  /** The rule by which the customer must go now, or empty when they stay. */
  public Optional<RetentionRule> ruleFor(CustomerFacts facts, Instant now) {
    if (facts.legalHold()) {
      return Optional.empty();
    }
    if (facts.lastContractDay() != null) {
      return facts.lastContractDay().isBefore(contractEndedBefore(now))
          ? Optional.of(RetentionRule.CONTRACT_ENDED)
          : Optional.empty();
    }
    if (!facts.consentGranted() && facts.lastActivity().isBefore(inactiveSince(now))) {
      return Optional.of(RetentionRule.LEAD_INACTIVE);
    }
    return Optional.empty();
  }

  private static Period period(String setting, String text) {
    try {
      return Period.parse(text.strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          setting + " must be an ISO-8601 period such as P90D, not " + text, e);
    }
  }
}
