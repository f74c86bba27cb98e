package app.custodian.returns.control;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the TOKEN of {@code local+TOKEN@domain}, the VERP envelope sender built from the bounce
 * address: local part and domain match whatever their case, the token keeps its case and consists
 * of {@code [A-Za-z0-9_.-]}.
 */
final class VerpTokens {

  private final Pattern pattern;

  VerpTokens(String localPart, String domain) {
    requireText(localPart, "localPart");
    requireText(domain, "domain");
    this.pattern =
        Pattern.compile(
            "(?<![A-Za-z0-9._%+=\\-])(?i:"
                + Pattern.quote(localPart.strip())
                + ")\\+([A-Za-z0-9_.\\-]{1,256})@(?i:"
                + Pattern.quote(domain.strip())
                + ")(?![A-Za-z0-9\\-]|\\.[A-Za-z0-9])");
  }

  Optional<String> in(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      String token = matcher.group(1);
      // A token never ends with a dot: that was the end of a sentence.
      String trimmed = token.replaceAll("\\.+$", "");
      if (!trimmed.isEmpty()) {
        return Optional.of(trimmed);
      }
    }
    return Optional.empty();
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank() || value.contains("@") || value.contains("+")) {
      throw new IllegalArgumentException(name + " must be a plain local part or domain");
    }
  }
}
