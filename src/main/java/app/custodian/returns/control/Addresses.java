package app.custodian.returns.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses found in header values, DSN fields and bounce text. */
final class Addresses {

  static final Pattern ADDRESS =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+=\\-])[A-Za-z0-9._%+='\\-]{1,64}@[A-Za-z0-9\\-]{1,63}"
              + "(?:\\.[A-Za-z0-9\\-]{1,63}){1,10}");

  private static final Pattern DAEMON =
      Pattern.compile(
          "(?i)^(mailer-daemon|mail-daemon|maildaemon|postmaster|mailer|mdaemon|mail\\.daemon)@.*");

  private Addresses() {}

  static Optional<String> first(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = ADDRESS.matcher(text);
    return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
  }

  static List<String> all(String text) {
    List<String> found = new ArrayList<>();
    if (text != null) {
      Matcher matcher = ADDRESS.matcher(text);
      while (matcher.find()) {
        found.add(matcher.group());
      }
    }
    return found;
  }

  /**
   * The address of a DSN or ARF recipient field: {@code rfc822; someone@example.com} or a bare
   * address; empty for other address types ({@code unknown; nair_s}).
   */
  static Optional<String> ofTypedField(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    int semicolon = value.indexOf(';');
    if (semicolon >= 0) {
      String type = value.substring(0, semicolon).strip().toLowerCase(Locale.ROOT);
      if (!type.equals("rfc822")) {
        return Optional.empty();
      }
      return first(value.substring(semicolon + 1));
    }
    return first(value);
  }

  static boolean isDaemon(String address) {
    return address != null && DAEMON.matcher(address).matches();
  }

  static boolean sameAddress(String one, String other) {
    return one != null && other != null && one.equalsIgnoreCase(other);
  }
}
