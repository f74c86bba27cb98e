package app.custodian.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What a test reads of received messages: addressees, parts, and the mail to one address. */
public final class ReceivedMail {

  private ReceivedMail() {}

  public static String recipient(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the server holds this many messages to the address, and no more; never just sleeps,
   * gives up after 30 s.
   */
  public static List<MimeMessage> awaitTo(GreenMail smtp, String address, int count) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      List<MimeMessage> received =
          Arrays.stream(smtp.getReceivedMessages())
              .filter(m -> recipient(m).equalsIgnoreCase(address))
              .toList();
      if (received.size() >= count || Instant.now().isAfter(deadline)) {
        assertEquals(count, received.size(), "messages to " + address);
        return received;
      }
      smtp.waitForIncomingEmail(500, smtp.getReceivedMessages().length + 1);
    }
  }

  /** The part of that MIME type (or the whole body of a single-part message), decoded. */
  public static String part(MimeMessage message, String type) {
    try {
      Object content = message.getContent();
      if (content instanceof String text) {
        return text;
      }
      Multipart parts = (Multipart) content;
      for (int i = 0; i < parts.getCount(); i++) {
        if (parts.getBodyPart(i).isMimeType(type)) {
          return (String) parts.getBodyPart(i).getContent();
        }
      }
      throw new AssertionError("no " + type + " part");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<String> recipients(MimeMessage[] messages) {
    return Arrays.stream(messages).map(ReceivedMail::recipient).toList();
  }

  /** The addressees of the received messages with this subject, in the order received. */
  public static List<String> recipientsOf(GreenMail smtp, String subject) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject.equals(subject(m)))
        .map(ReceivedMail::recipient)
        .toList();
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
