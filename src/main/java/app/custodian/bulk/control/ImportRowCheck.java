package app.custodian.bulk.control;

import app.custodian.consent.entity.Purpose;
import app.custodian.customer.boundary.CustomerInput;
import app.custodian.customer.control.CustomerInputCheck;
import app.custodian.platform.control.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks of one import row that need nothing but the row: the customer's fields by the API's
 * own constraints, the consent cells and the proof every grant needs. Messages name the rule, never
 * the value.
 */
public final class ImportRowCheck {

  static final String GRANTED = "granted";
  private static final Set<String> RESERVED_SOURCES = Set.of("email-link", "preference-page");
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final int MAX_SOURCE = 100;
  private static final int MAX_POLICY_VERSION = 40;
  private static final int MAX_EVIDENCE = 2000;

  private ImportRowCheck() {}

  /**
   * @param rectifying whether the row may only complete an existing customer (upsert): then a
   *     missing required field is taken from the record and not checked here
   */
  public static CheckedRow check(ImportRow row, Instant now, boolean rectifying) {
    Map<String, String> cells = row.cells();
    CustomerInput input = new CustomerInput();
    input.fullName = cells.get("fullName");
    input.email = cells.get("email");
    input.phone = cells.get("phone");
    input.fax = cells.get("fax");
    input.address = cells.get("address");
    input.organization = cells.get("organization");
    input.jobTitle = cells.get("jobTitle");
    input.locale = cells.get("locale");
    input.source = cells.get("source");
    Set<String> given = new LinkedHashSet<>();
    for (String column : ImportColumns.CUSTOMER) {
      if (cells.containsKey(column)) {
        given.add(column);
      }
    }
    List<FieldError> errors = new ArrayList<>();
    for (FieldError error : CustomerInputCheck.errors(input)) {
      boolean missing = !cells.containsKey(error.field());
      if (!(rectifying && missing && !error.field().equals("email"))) {
        errors.add(error);
      }
    }
    List<ConsentGrant> grants = grants(cells, now, errors);
    return new CheckedRow(row.number(), input, given, grants, errors);
  }

  private static List<ConsentGrant> grants(
      Map<String, String> cells, Instant now, List<FieldError> errors) {
    List<Purpose> granted = new ArrayList<>();
    for (Purpose purpose : Purpose.values()) {
      String column = ImportColumns.consent(purpose);
      String value = cells.get(column);
      if (value == null) {
        continue;
      }
      if (value.strip().toLowerCase(Locale.ROOT).equals(GRANTED)) {
        granted.add(purpose);
      } else {
        errors.add(
            new FieldError(
                column, "must be granted or empty: an import never withdraws a consent"));
      }
    }
    if (granted.isEmpty()) {
      return List.of();
    }
    String source = cells.get(ImportColumns.CONSENT_SOURCE);
    if (source == null || source.isBlank()) {
      errors.add(
          new FieldError(ImportColumns.CONSENT_SOURCE, "is required with a granted consent"));
    } else if (source.strip().length() > MAX_SOURCE) {
      errors.add(new FieldError(ImportColumns.CONSENT_SOURCE, "size must be between 1 and 100"));
    } else if (RESERVED_SOURCES.contains(source.strip().toLowerCase(Locale.ROOT))) {
      errors.add(
          new FieldError(ImportColumns.CONSENT_SOURCE, "is reserved for the person's own actions"));
    }
    Instant collectedAt = collectedAt(cells.get(ImportColumns.CONSENT_COLLECTED_AT), now, errors);
    String version = cells.get(ImportColumns.CONSENT_POLICY_VERSION);
    if (version != null && version.strip().length() > MAX_POLICY_VERSION) {
      errors.add(
          new FieldError(ImportColumns.CONSENT_POLICY_VERSION, "size must be between 1 and 40"));
    }
    String evidence = cells.get(ImportColumns.CONSENT_EVIDENCE);
    if (evidence != null && evidence.length() > MAX_EVIDENCE) {
      errors.add(new FieldError(ImportColumns.CONSENT_EVIDENCE, "size must be between 1 and 2000"));
    }
    if (!errors.isEmpty()) {
      return List.of();
    }
    List<ConsentGrant> grants = new ArrayList<>();
    for (Purpose purpose : granted) {
      grants.add(
          new ConsentGrant(
              purpose,
              source.strip(),
              version == null ? null : version.strip(),
              collectedAt,
              evidence == null ? null : evidence.strip()));
    }
    return grants;
  }

  private static Instant collectedAt(String value, Instant now, List<FieldError> errors) {
    String column = ImportColumns.CONSENT_COLLECTED_AT;
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(column, "is required with a granted consent"));
      return null;
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              column, "must be an ISO-8601 time with its offset, e.g. 2026-11-02T09:30:00Z"));
      return null;
    }
    if (at.isAfter(now.plus(CLOCK_SKEW))) {
      errors.add(new FieldError(column, "must not be in the future"));
      return null;
    }
    return at;
  }
}
