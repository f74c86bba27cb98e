package app.custodian.returns.control;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One walk over a returned email's MIME tree, reading only what classification needs and never more
 * than a bounded amount: at most {@value #MAX_PARTS} parts, {@value #MAX_DEPTH} levels, {@value
 * #MAX_PART_BYTES} bytes of each text part and {@value #MAX_HEADER_BYTES} of an attached message
 * (its header only). The body of an attached original message is never read.
 */
final class MessageScan {

  static final int MAX_PARTS = 64;
  static final int MAX_DEPTH = 6;
  static final int MAX_PART_BYTES = 64 * 1024;
  static final int MAX_HEADER_BYTES = 64 * 1024;
  static final int MAX_TEXT_CHARS = 128 * 1024;

  private static final Pattern TAG = Pattern.compile("<[^<>]{0,2000}>");

  private final List<String> deliveryStatuses = new ArrayList<>();
  private final List<String> feedbackReports = new ArrayList<>();
  private final StringBuilder plainText = new StringBuilder();
  private final StringBuilder htmlText = new StringBuilder();
  private OriginalHeaders attachedOriginal;
  private String reportType = "";
  private int parts;

  private MessageScan() {}

  static MessageScan of(Part message) {
    MessageScan scan = new MessageScan();
    scan.walk(message, 0);
    return scan;
  }

  List<String> deliveryStatuses() {
    return deliveryStatuses;
  }

  List<String> feedbackReports() {
    return feedbackReports;
  }

  /** The report-type parameter of the outermost {@code multipart/report}, lower case, or "". */
  String reportType() {
    return reportType;
  }

  Optional<OriginalHeaders> attachedOriginal() {
    return Optional.ofNullable(attachedOriginal);
  }

  /** The human-readable text outside any attached message: plain text, else de-tagged HTML. */
  String text() {
    return plainText.length() > 0 ? plainText.toString() : htmlText.toString();
  }

  private void walk(Part part, int depth) {
    if (parts++ >= MAX_PARTS || depth > MAX_DEPTH) {
      return;
    }
    ContentType type = contentType(part);
    String base = type.getBaseType().toLowerCase(Locale.ROOT);
    try {
      if (base.startsWith("multipart/")) {
        if (base.equals("multipart/report") && reportType.isEmpty()) {
          String parameter = type.getParameter("report-type");
          reportType = parameter == null ? "" : parameter.strip().toLowerCase(Locale.ROOT);
        }
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
          int count = Math.min(multipart.getCount(), MAX_PARTS);
          for (int i = 0; i < count; i++) {
            walk(multipart.getBodyPart(i), depth + 1);
          }
        }
      } else if (base.equals("message/delivery-status")
          || base.equals("message/global-delivery-status")) {
        deliveryStatuses.add(text(part, type));
      } else if (base.equals("message/feedback-report")) {
        feedbackReports.add(text(part, type));
      } else if (base.equals("message/rfc822")
          || base.equals("message/global")
          || base.equals("text/rfc822-headers")
          || base.equals("text/rfc822-header")
          || base.equals("message/global-headers")) {
        if (attachedOriginal == null) {
          attachedOriginal = OriginalHeaders.parse(bytes(part, MAX_HEADER_BYTES)).orElse(null);
        }
      } else if (base.equals("text/plain")) {
        append(plainText, text(part, type));
      } else if (base.equals("text/html")) {
        append(htmlText, TAG.matcher(text(part, type)).replaceAll(" "));
      }
    } catch (MessagingException | IOException | RuntimeException unreadable) {
      // A part that cannot be read adds nothing; the rest of the message still counts.
    }
  }

  private static void append(StringBuilder text, String more) {
    if (text.length() < MAX_TEXT_CHARS) {
      text.append(more, 0, Math.min(more.length(), MAX_TEXT_CHARS - text.length())).append('\n');
    }
  }

  /** A part without a readable Content-Type is text/plain (RFC 2045, 5.2). */
  private static ContentType contentType(Part part) {
    try {
      String value = part.getContentType();
      if (value != null) {
        return new ContentType(value);
      }
    } catch (MessagingException | RuntimeException malformed) {
      // falls through
    }
    return new ContentType("text", "plain", null);
  }

  private static String text(Part part, ContentType type) throws MessagingException, IOException {
    return new String(bytes(part, MAX_PART_BYTES), charset(type));
  }

  private static byte[] bytes(Part part, int limit) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return in.readNBytes(limit);
    }
  }

  /** The declared charset if Java knows it; else ISO-8859-1, which maps every byte to a char. */
  private static Charset charset(ContentType type) {
    String name = type.getParameter("charset");
    if (name != null) {
      try {
        return Charset.forName(MimeUtility.javaCharset(name.strip()));
      } catch (RuntimeException unknown) {
        // falls through
      }
    }
    return StandardCharsets.ISO_8859_1;
  }
}
