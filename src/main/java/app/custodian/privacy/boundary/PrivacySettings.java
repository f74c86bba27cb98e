package app.custodian.privacy.boundary;

import app.custodian.platform.boundary.LocalCalendar;
import app.custodian.platform.control.Durations;
import app.custodian.platform.control.ProblemException;
import app.custodian.privacy.control.ClosedRequests;
import app.custodian.privacy.control.DeadlineRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of privacy requests, read at use: a bad value fails the request that needs it with a
 * 500 naming the setting's key (also logged), rather than the start of the application.
 */
@ApplicationScoped
public class PrivacySettings {

  private static final Logger LOG = Logger.getLogger(PrivacySettings.class.getName());

  @Inject LocalCalendar calendar;

  @Inject
  @ConfigProperty(name = "custodian.requests.mode", defaultValue = "VN")
  String mode;

  @Inject
  @ConfigProperty(name = "custodian.requests.acknowledge.working.days", defaultValue = "2")
  String acknowledgeDays;

  @Inject
  @ConfigProperty(name = "custodian.requests.due.working.days", defaultValue = "15")
  String dueDays;

  @Inject
  @ConfigProperty(name = "custodian.requests.due.with.processors.working.days", defaultValue = "20")
  String dueWithProcessorsDays;

  @Inject
  @ConfigProperty(name = "custodian.requests.extension.working.days", defaultValue = "15")
  String extensionDays;

  @Inject
  @ConfigProperty(name = "custodian.public.holidays")
  Optional<String> holidays;

  @Inject
  @ConfigProperty(name = "custodian.requests.code.ttl", defaultValue = "PT24H")
  String codeTtl;

  @Inject
  @ConfigProperty(name = "custodian.requests.code.attempts", defaultValue = "5")
  String codeAttempts;

  @Inject
  @ConfigProperty(name = "custodian.requests.link.ttl", defaultValue = "PT24H")
  String linkTtl;

  @Inject
  @ConfigProperty(name = "custodian.requests.link.interval", defaultValue = "PT15M")
  String linkInterval;

  @Inject
  @ConfigProperty(name = "custodian.requests.retention", defaultValue = "P3Y")
  String retention;

  public DeadlineRules deadlines() {
    try {
      return DeadlineRules.parse(
          mode,
          calendar.zone(),
          acknowledgeDays,
          dueDays,
          dueWithProcessorsDays,
          extensionDays,
          holidays.orElse(""));
    } catch (IllegalStateException | DateTimeException e) {
      throw invalid(e.getMessage());
    }
  }

  public Duration codeTtl() {
    return duration("custodian.requests.code.ttl", codeTtl);
  }

  public int codeAttempts() {
    try {
      int attempts = Integer.parseInt(codeAttempts.strip());
      if (attempts < 1) {
        throw new NumberFormatException();
      }
      return attempts;
    } catch (NumberFormatException e) {
      throw invalid(
          "custodian.requests.code.attempts must be a whole number of 1 or more, not '"
              + codeAttempts
              + "'");
    }
  }

  public Duration linkTtl() {
    return duration("custodian.requests.link.ttl", linkTtl);
  }

  /** The least time between two links the public form sends one customer. */
  public Duration linkInterval() {
    return duration("custodian.requests.link.interval", linkInterval);
  }

  /** How long a closed request is kept after it was closed, then deleted by the nightly run. */
  public ClosedRequests.Retention retention() {
    Period period;
    try {
      period = Period.parse(retention.strip());
      if (period.isNegative() || period.isZero()) {
        throw new DateTimeException("not positive");
      }
    } catch (DateTimeException e) {
      throw invalid(
          "custodian.requests.retention must be a positive ISO-8601 period such as P3Y, not '"
              + retention
              + "'");
    }
    return new ClosedRequests.Retention(period, calendar.zone());
  }

  private static Duration duration(String key, String text) {
    try {
      return Durations.positive(key, text);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  /** A 500 that names the setting: configuration, never personal data, so it may be shown. */
  private static ProblemException invalid(String message) {
    LOG.severe(message);
    return new ProblemException(500, "Invalid configuration", message, List.of(), Map.of());
  }
}
