package app.custodian.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** What a test reads of a received message: its addressee and its plain-text body. */
public final class ReceivedMail {

  private ReceivedMail() {}

  public static String recipient(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<String> recipients(MimeMessage[] messages) {
    return Arrays.stream(messages).map(ReceivedMail::recipient).toList();
  }

  /**
   * The text/plain part (or the whole body of a text-only message), decoded, with {@code \n} line
   * ends.
   */
  public static String text(MimeMessage message) {
    try {
      Object content = message.getContent();
      if (content instanceof String text) {
        return text.replace("\r\n", "\n");
      }
      Multipart parts = (Multipart) content;
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          return ((String) part.getContent()).replace("\r\n", "\n");
        }
      }
      throw new AssertionError("no text/plain part");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text/html part, decoded, or null when there is none. */
  public static String html(MimeMessage message) {
    try {
      Object content = message.getContent();
      if (content instanceof Multipart parts) {
        for (int i = 0; i < parts.getCount(); i++) {
          BodyPart part = parts.getBodyPart(i);
          if (part.isMimeType("text/html")) {
            return (String) part.getContent();
          }
        }
      }
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
