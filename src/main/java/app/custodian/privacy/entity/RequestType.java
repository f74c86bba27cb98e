package app.custodian.privacy.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the person asks for. */
public enum RequestType {
  ACCESS,
  RECTIFICATION,
  ERASURE,
  WITHDRAW_CONSENT,
  OBJECTION,
  RESTRICTION;

  public static Optional<RequestType> parse(String text) {
    return Enums.parse(RequestType.class, text);
  }

  public static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** Enum parsing shared by the request's enums: case-insensitive, blank means nothing. */
  static final class Enums {
    private Enums() {}

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
      if (text == null || text.isBlank()) {
        return Optional.empty();
      }
      try {
        return Optional.of(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
