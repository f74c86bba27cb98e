package app.custodian.returns.control;

import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of the message a return answers, as attached ({@code message/rfc822}, {@code
 * text/rfc822-headers}) or quoted inline below a bounce's text: its Message-ID, envelope sender,
 * recipients and {@code List-Unsubscribe}.
 */
final class OriginalHeaders {

  private static final Pattern MAILTO_TOKEN =
      Pattern.compile("(?i)subject=unsubscribe(?:%20|\\+|\\s)+([A-Za-z0-9_.\\-]+)");
  private static final Pattern LINK_TOKEN =
      Pattern.compile("(?i)/unsubscribe\\?(?:[^>\\s]*&)?t=([A-Za-z0-9_.\\-]+)");

  private final InternetHeaders headers;

  private OriginalHeaders(InternetHeaders headers) {
    this.headers = headers;
  }

  static Optional<OriginalHeaders> parse(byte[] bytes) {
    int start = 0;
    while (start < bytes.length && (bytes[start] == '\r' || bytes[start] == '\n')) {
      start++;
    }
    try {
      InternetHeaders headers =
          new InternetHeaders(new ByteArrayInputStream(bytes, start, bytes.length - start));
      return headers.getAllHeaders().hasMoreElements()
          ? Optional.of(new OriginalHeaders(headers))
          : Optional.empty();
    } catch (Exception malformed) {
      return Optional.empty();
    }
  }

  String get(String name) {
    String value = headers.getHeader(name, ",");
    if (value == null) {
      return null;
    }
    try {
      return MimeUtility.unfold(value).strip();
    } catch (RuntimeException malformed) {
      return value.strip();
    }
  }

  Optional<String> messageId() {
    String value = get("Message-ID");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Matcher bracketed = Pattern.compile("<[^<>\\s]+>").matcher(value);
    return Optional.of(bracketed.find() ? bracketed.group() : value);
  }

  /** The token of the mailto's {@code subject=unsubscribe%20TOKEN}, else of {@code ?t=TOKEN}. */
  Optional<String> unsubscribeToken() {
    String value = get("List-Unsubscribe");
    if (value == null) {
      return Optional.empty();
    }
    Matcher mailto = MAILTO_TOKEN.matcher(value);
    if (mailto.find()) {
      return Optional.of(mailto.group(1));
    }
    Matcher link = LINK_TOKEN.matcher(value);
    return link.find() ? Optional.of(link.group(1)) : Optional.empty();
  }
}
