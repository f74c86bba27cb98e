package app.custodian.mail.control;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends composed messages over SMTP, reusing up to {@code maxConnections} connections across
 * threads, or, with no SMTP host, writes each as an {@code .eml} file into the outbox. Plain Java:
 * usable outside the container.
 */
public final class MailTransport implements AutoCloseable {

  private static final String CHARSET = "UTF-8";

  private final Session session;
  private final InternetAddress from;
  private final SmtpConnections connections;
  private final OutboxDirectory outbox;
  private volatile boolean closed;

  public MailTransport(MailSettings settings, int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1");
    }
    this.session = Session.getInstance(properties(settings));
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("The sender address is invalid: " + settings.from(), e);
    }
    this.connections =
        settings.usesSmtp() ? new SmtpConnections(session, settings, maxConnections) : null;
    this.outbox = new OutboxDirectory(settings.outboxDir());
  }

  /**
   * Sends one message.
   *
   * @return its Message-ID, angle brackets included
   * @throws MailRejectedException the server refused the recipient or the message for good
   * @throws MailUnavailableException it may work later; after a failure during or after the message
   *     data the server may nevertheless have accepted it
   */
  public String send(OutboundMail mail) throws MailRejectedException, MailUnavailableException {
    return send(mail, null);
  }

  /**
   * Sends one message with its own envelope sender (SMTP {@code MAIL FROM}), where returns go.
   *
   * @param envelopeSender a bare address; null: the {@code From} address
   * @see #send(OutboundMail)
   */
  public String send(OutboundMail mail, String envelopeSender)
      throws MailRejectedException, MailUnavailableException {
    if (closed) {
      throw new MailUnavailableException("The mail transport is closed");
    }
    InternetAddress to = recipient(mail.to());
    String uuid = UUID.randomUUID().toString();
    String messageId = "<" + uuid + "@custodian>";
    MimeMessage message;
    try {
      message = build(mail, to, messageId, envelopeSender);
    } catch (MessagingException e) {
      throw new MailUnavailableException(
          "Could not build the message: " + Redaction.describe(e, mail.to()));
    }
    if (connections == null) {
      writeToOutbox(message, uuid, mail);
    } else {
      deliver(message, to, mail.to());
    }
    return messageId;
  }

  @Override
  public void close() {
    closed = true;
    if (connections != null) {
      connections.close();
    }
  }

  private static Properties properties(MailSettings settings) {
    Properties props = new Properties();
    if (!settings.usesSmtp()) {
      return props;
    }
    props.put("mail.smtp.host", settings.smtpHost());
    props.put("mail.smtp.port", Integer.toString(settings.smtpPort()));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "30000");
    props.put("mail.smtp.writetimeout", "30000");
    if (settings.startTls()) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
      props.put("mail.smtp.ssl.checkserveridentity", "true");
    } else if (settings.smtpPort() == 465) {
      // the submission port with implicit TLS (RFC 8314): plain SMTP there would just time out
      props.put("mail.smtp.ssl.enable", "true");
      props.put("mail.smtp.ssl.checkserveridentity", "true");
    }
    if (settings.authenticates()) {
      props.put("mail.smtp.auth", "true");
    }
    return props;
  }

  private static InternetAddress recipient(String address) throws MailRejectedException {
    try {
      return new InternetAddress(address, true);
    } catch (AddressException e) {
      throw new MailRejectedException(address, 0, "not a valid email address");
    }
  }

  private MimeMessage build(
      OutboundMail mail, InternetAddress to, String messageId, String envelopeSender)
      throws MessagingException {
    IdentifiedMessage message = new IdentifiedMessage(session, messageId);
    message.setEnvelopeFrom(envelopeSender);
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, to);
    message.setSubject(mail.subject(), CHARSET);
    message.setSentDate(new Date());
    if (mail.html() == null) {
      message.setText(mail.text(), CHARSET);
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), CHARSET);
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), CHARSET, "html");
      message.setContent(new MimeMultipart("alternative", text, html));
    }
    for (var header : mail.headers().entrySet()) {
      message.setHeader(header.getKey(), header.getValue());
    }
    message.saveChanges();
    return message;
  }

  private void deliver(MimeMessage message, InternetAddress to, String address)
      throws MailRejectedException, MailUnavailableException {
    Transport transport;
    try {
      transport = connections.borrow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailUnavailableException("Interrupted while waiting for an SMTP connection");
    } catch (MessagingException e) {
      throw unavailable(e, address);
    }
    try {
      transport.sendMessage(message, new Address[] {to});
    } catch (MessagingException e) {
      MailRejectedException rejected = rejection(e, address);
      if (rejected != null) {
        connections.release(transport); // the server reset the transaction; the next borrow checks
        throw rejected;
      }
      connections.discard(transport);
      throw new MailUnavailableException(
          "Could not hand the message to the SMTP server: " + Redaction.describe(e, address),
          !refusedWithReply(e));
    } catch (RuntimeException e) {
      connections.discard(transport);
      throw e;
    }
    connections.release(transport);
  }

  /** A 5xx reply to the recipient or to the message, or null for anything else. */
  private static MailRejectedException rejection(MessagingException failure, String address) {
    Reply reply = Reply.of(failure);
    return reply != null && reply.code() >= 500 && reply.code() <= 599
        ? new MailRejectedException(address, reply.code(), reply.text())
        : null;
  }

  /**
   * Whether the server answered with a 4xx or 5xx reply (to the recipient or the message), so it
   * did not take the message; any other failure during sending leaves that open.
   */
  private static boolean refusedWithReply(MessagingException failure) {
    Reply reply = Reply.of(failure);
    return reply != null && reply.code() >= 400 && reply.code() <= 599;
  }

  /** The server's answer to a command, as Angus Mail reports it; code -1: no answer came. */
  private record Reply(int code, String text) {

    static Reply of(MessagingException failure) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof SMTPAddressFailedException addressFailed) {
          return new Reply(addressFailed.getReturnCode(), t.getMessage());
        }
        if (t instanceof SMTPSendFailedException sendFailed) {
          return new Reply(sendFailed.getReturnCode(), t.getMessage());
        }
      }
      return null;
    }
  }

  private static MailUnavailableException unavailable(MessagingException e, String address) {
    return new MailUnavailableException(
        "Could not hand the message to the SMTP server: " + Redaction.describe(e, address));
  }

  private void writeToOutbox(MimeMessage message, String uuid, OutboundMail mail)
      throws MailUnavailableException {
    try {
      outbox.write(message, uuid, mail.customerId());
    } catch (IOException | MessagingException | IllegalArgumentException e) {
      throw new MailUnavailableException(
          "Could not write the message to the outbox: " + Redaction.describe(e, mail.to()));
    }
  }

  /** Keeps its Message-ID when saved, so the ID returned is the one sent. */
  private static final class IdentifiedMessage extends SMTPMessage {
    private final String messageId;

    IdentifiedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
