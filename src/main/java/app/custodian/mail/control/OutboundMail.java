package app.custodian.mail.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A composed message for one recipient; {@code html} may be null, {@code headers} keep order. */
public record OutboundMail(
    String to, String subject, String text, String html, Map<String, String> headers) {

  public OutboundMail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Map<String, String> copy = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach(
          (name, value) -> {
            if (isUnsafe(name) || isUnsafe(value)) {
              throw new IllegalArgumentException("A header name or value holds a line break");
            }
            copy.put(name, value);
          });
    }
    headers = Collections.unmodifiableMap(copy);
  }

  private static boolean isUnsafe(String s) {
    return s == null || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
  }
}
