package app.custodian.mail.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps email addresses out of exception messages: servers often quote the recipient. */
final class Redaction {

  private static final Pattern EMAIL_LIKE =
      Pattern.compile("[^\\s<>()\\[\\]:;,\"']+@[^\\s<>()\\[\\]:;,\"']+");

  private Redaction() {}

  static String redact(String text, String address) {
    String result = text;
    if (address != null && !address.isBlank()) {
      result =
          Pattern.compile(Pattern.quote(address.strip()), Pattern.CASE_INSENSITIVE)
              .matcher(result)
              .replaceAll("[address]");
    }
    return EMAIL_LIKE.matcher(result).replaceAll(Matcher.quoteReplacement("[address]"));
  }

  /** The exception and its causes, by type and redacted message, for an exception message. */
  static String describe(Throwable failure, String address) {
    StringBuilder description = new StringBuilder();
    Throwable current = failure;
    for (int depth = 0; current != null && depth < 5; depth++) {
      if (depth > 0) {
        description.append("; caused by ");
      }
      description.append(current.getClass().getSimpleName());
      if (current.getMessage() != null) {
        description.append(": ").append(redact(current.getMessage().strip(), address));
      }
      current = current.getCause();
    }
    return description.toString();
  }
}
