package app.custodian.platform.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Enum values as clients write them: any case, surrounding blanks ignored. */
public final class Enums {

  private Enums() {}

  /** The constant of that name, or empty for null or an unknown name. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The names a client may send, for error messages: {@code A, B, C}. */
  public static String names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
