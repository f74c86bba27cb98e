package app.custodian.platform.control;

import java.util.Optional;
import java.util.UUID;

/** Ids are UUID strings; anything else names nothing. */
public final class Ids {

  private Ids() {}

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** The canonical form of an id, or empty when the text is not a UUID. */
  public static Optional<String> parse(String text) {
    try {
      return Optional.of(UUID.fromString(text).toString());
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
