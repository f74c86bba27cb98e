package app.custodian.customer.entity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of personal data Custodian holds about a person: the seven fields the privacy policies
 * name, and what accrues while serving them. Disclosures, incidents and the records of processing
 * speak of these.
 */
public enum DataCategory {
  FULL_NAME("name"),
  EMAIL,
  PHONE,
  ADDRESS,
  ORGANIZATION("organisation"),
  JOB_TITLE,
  FAX,
  CONTRACTS("contract"),
  CONSENT_RECORDS("consent", "consents"),
  MESSAGES("email history");

  private static final Map<String, DataCategory> BY_KEY = new HashMap<>();

  static {
    for (DataCategory category : values()) {
      BY_KEY.put(key(category.name()), category);
      for (String alias : category.aliases) {
        BY_KEY.put(key(alias), category);
      }
    }
  }

  private final String[] aliases;

  DataCategory(String... aliases) {
    this.aliases = aliases;
  }

  /**
   * The category a client named, however it spelled it: {@code FULL_NAME}, {@code fullName}, {@code
   * full name} and {@code name} are one category.
   */
  public static Optional<DataCategory> parse(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(name)));
  }

  /** The names a client may send, for error messages. */
  public static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private static String key(String name) {
    return name.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
  }
}
