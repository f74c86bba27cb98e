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

  static final int MAX_ID_LENGTH = 250;

  private static final Pattern BRACKETED_ID = Pattern.compile("<[^<>\\s]+>");
  private static final Pattern MAILTO_TOKEN =
      Pattern.compile(
          "(?i)subject=unsubscribe(?:%20|\\+|\\s){1,5}([A-Za-z0-9_.\\-]{1,256})(?![A-Za-z0-9_.\\-])");
  private static final Pattern LINK_TOKEN =
      Pattern.compile(
          "(?i)/unsubscribe\\?(?:[^>\\s&]{0,200}&){0,10}t=([A-Za-z0-9_.\\-]{1,256})(?![A-Za-z0-9_.\\-])");

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
    return messageId(get("Message-ID"));
  }

  /**
   * The {@code <id@host>} of a Message-ID or In-Reply-To value, else the bare value if it is one
   * word; at most {@value #MAX_ID_LENGTH} characters, else empty.
   */
  static Optional<String> messageId(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Matcher bracketed = BRACKETED_ID.matcher(value);
    String id = bracketed.find() ? bracketed.group() : value.strip();
    return id.length() <= MAX_ID_LENGTH && id.chars().noneMatch(Character::isWhitespace)
        ? Optional.of(id)
        : Optional.empty();
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
