package app.custodian.disclosure.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why personal data may go to someone else. The policies promise no sharing without consent, except
 * with law enforcement when the law requires it and the payment processor acting for the company.
 */
public enum LegalBasis {
  /** The person granted {@code THIRD_PARTY_SHARING}. */
  CONSENT,
  /** A competent authority required it by law. */
  LAW_ENFORCEMENT,
  /** The payment processor, acting for the company. */
  PAYMENT_PROCESSOR,
  /** Needed to perform the person's contract. */
  CONTRACT;

  public static Optional<LegalBasis> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
