package app.custodian.consent.control;

import app.custodian.consent.entity.Purpose;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a link in an email may do, written into its signed token. A purpose link only withdraws its
 * purpose; a preferences link only opens the preference page; a confirmation link only confirms the
 * grants it was sent for. A token of one scope opens no other page.
 */
public final class LinkScope {

  public static final String PREFERENCES = "PREFERENCES";
  private static final String CONFIRMATION_PREFIX = "CONFIRM:";

  private LinkScope() {}

  public static String of(Purpose purpose) {
    return purpose.name();
  }

  public static String confirmation(String confirmationId) {
    return CONFIRMATION_PREFIX + confirmationId;
  }

  /** The purpose of an unsubscribe link: the scope is exactly a purpose's name. */
  public static Optional<Purpose> purpose(String scope) {
    return Arrays.stream(Purpose.values()).filter(p -> p.name().equals(scope)).findFirst();
  }

  public static boolean isPreferences(String scope) {
    return PREFERENCES.equals(scope);
  }

  /** The confirmation id of a confirmation link. */
  public static Optional<String> confirmationId(String scope) {
    return scope != null && scope.startsWith(CONFIRMATION_PREFIX)
        ? Optional.of(scope.substring(CONFIRMATION_PREFIX.length()))
        : Optional.empty();
  }
}
