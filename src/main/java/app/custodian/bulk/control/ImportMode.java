package app.custodian.bulk.control;

import java.util.Locale;
import java.util.Optional;

/** What an import does with a row whose email a live customer has: skip it, or rectify them. */
public enum ImportMode {
  CREATE,
  UPSERT;

  public static Optional<ImportMode> parse(String text) {
    for (ImportMode mode : values()) {
      if (mode.name().toLowerCase(Locale.ROOT).equals(text)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
