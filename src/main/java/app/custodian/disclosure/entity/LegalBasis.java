package app.custodian.disclosure.entity;

import app.custodian.platform.control.Enums;
import java.util.Optional;

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
    return Enums.parse(LegalBasis.class, name);
  }

  public static String names() {
    return Enums.names(LegalBasis.class);
  }
}
