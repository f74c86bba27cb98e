package app.custodian.consent.entity;

import java.util.Locale;
import java.util.Optional;

/** What a person may consent to. No consent is ever assumed: absent means not granted. */
public enum Purpose {
  NEWSLETTER,
  RENEWAL_REMINDER,
  SURVEY,
  THIRD_PARTY_SHARING;

  /** The purpose with this name (case-insensitive), or empty. */
  public static Optional<Purpose> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
