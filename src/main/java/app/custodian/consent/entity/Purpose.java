package app.custodian.consent.entity;

import app.custodian.platform.control.Enums;
import java.util.Optional;

/** What a person may consent to. No consent is ever assumed: absent means not granted. */
public enum Purpose {
  NEWSLETTER,
  RENEWAL_REMINDER,
  SURVEY,
  THIRD_PARTY_SHARING;

  /** The purpose with this name (case-insensitive), or empty. */
  public static Optional<Purpose> parse(String name) {
    return Enums.parse(Purpose.class, name);
  }
}
