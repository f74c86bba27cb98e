package app.custodian.mail.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A composed message for one recipient; {@code html} may be null, {@code headers} keep order.
 * {@code customerId} names the customer the message is about (null for none), so that it can go
 * with them when they are erased or purged.
 */
public record OutboundMail(
    String to,
    String subject,
    String text,
    String html,
    Map<String, String> headers,
    String customerId) {

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

  /** A message about no customer in particular. */
  public OutboundMail(
      String to, String subject, String text, String html, Map<String, String> headers) {
    this(to, subject, text, html, headers, null);
  }

  /** The same message, about that customer. */
  public OutboundMail about(String customerId) {
    return new OutboundMail(to, subject, text, html, headers, customerId);
  }

  /** The same message with one more header (or that header's value replaced). */
  public OutboundMail withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new OutboundMail(to, subject, text, html, more, customerId);
  }

  private static boolean isUnsafe(String s) {
    return s == null || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
  }
}
