package app.custodian.bulk.control;

import app.custodian.consent.entity.Purpose;
import app.custodian.platform.control.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of an import or export file: the customer's fields as the API names them, then per
 * purpose {@code consent.PURPOSE} ({@code granted} or empty) and the proof of those grants.
 */
public final class ImportColumns {

  public static final List<String> CUSTOMER =
      List.of(
          "fullName",
          "email",
          "phone",
          "fax",
          "address",
          "organization",
          "jobTitle",
          "locale",
          "source");

  public static final String CONSENT_PREFIX = "consent.";
  public static final String CONSENT_SOURCE = "consentSource";
  public static final String CONSENT_POLICY_VERSION = "consentPolicyVersion";
  public static final String CONSENT_COLLECTED_AT = "consentCollectedAt";
  public static final String CONSENT_EVIDENCE = "consentEvidence";
  public static final List<String> PROOF =
      List.of(CONSENT_SOURCE, CONSENT_POLICY_VERSION, CONSENT_COLLECTED_AT, CONSENT_EVIDENCE);

  private ImportColumns() {}

  public static String consent(Purpose purpose) {
    return CONSENT_PREFIX + purpose.name();
  }

  /** Every column, in the order an export writes them. */
  public static List<String> all() {
    List<String> all = new ArrayList<>(CUSTOMER);
    for (Purpose purpose : Purpose.values()) {
      all.add(consent(purpose));
    }
    all.addAll(PROOF);
    return List.copyOf(all);
  }

  /**
   * What is wrong with a header row (row 1): an unknown or repeated column, or a missing {@code
   * fullName} or {@code email}. Column names are ours, so naming them reveals nothing.
   */
  public static List<FieldError> headerErrors(List<String> header) {
    Set<String> known = Set.copyOf(all());
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new HashSet<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      String where = "column " + (i + 1);
      if (!known.contains(name)) {
        errors.add(new FieldError(where, "is not a known column name"));
      } else if (!seen.add(name) && repeated.add(name)) {
        errors.add(new FieldError(name, "appears twice in the header"));
      }
    }
    for (String required : List.of("fullName", "email")) {
      if (!seen.contains(required)) {
        errors.add(new FieldError(required, "is a required column"));
      }
    }
    return errors;
  }
}
