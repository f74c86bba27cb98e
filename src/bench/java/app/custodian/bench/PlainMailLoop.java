package app.custodian.bench;

import app.custodian.security.control.SignedTokens;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The baseline: the same audience's messages sent with plain Jakarta Mail, no database, over {@code
 * connections} SMTP connections kept open (one thread each, calling {@code sendMessage} in a loop).
 * Each message is built for its recipient (name, signed links, list headers) as Custodian builds
 * it, then sent.
 */
final class PlainMailLoop {

  private static final String CHARSET = "UTF-8";

  private final Session session;
  private final int connections;
  private final SignedTokens tokens;
  private final String baseUrl;

  PlainMailLoop(int smtpPort, int connections, SignedTokens tokens, String baseUrl) {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", Integer.toString(smtpPort));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "30000");
    props.put("mail.smtp.writetimeout", "30000");
    this.session = Session.getInstance(props);
    this.connections = connections;
    this.tokens = tokens;
    this.baseUrl = baseUrl;
  }

  /**
   * Sends one message to each opted-in member of the audience among customer numbers {@code [from,
   * to)}.
   *
   * @param progressEvery how often to print how many went, or null for never
   * @return how many were sent
   */
  long send(Audience audience, int from, int to, Duration progressEvery)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger(from);
    AtomicInteger sent = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> senders = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      Thread sender =
          new Thread(
              () -> {
                try {
                  Transport transport = session.getTransport("smtp");
                  transport.connect();
                  try {
                    for (int n = next.getAndIncrement();
                        n < to && failure.get() == null;
                        n = next.getAndIncrement()) {
                      if (audience.optedIn(n)) {
                        MimeMessage message = message(n);
                        transport.sendMessage(message, message.getAllRecipients());
                        sent.incrementAndGet();
                      }
                    }
                  } finally {
                    transport.close();
                  }
                } catch (MessagingException | RuntimeException e) {
                  failure.compareAndSet(null, e);
                }
              },
              "baseline-sender-" + t);
      senders.add(sender);
      sender.start();
    }
    long start = System.nanoTime();
    long lastPrint = start;
    int lastSent = 0;
    for (Thread sender : senders) {
      while (sender.isAlive()) {
        sender.join(1000);
        long now = System.nanoTime();
        if (progressEvery != null && now - lastPrint >= progressEvery.toNanos()) {
          int n = sent.get();
          System.out.printf(
              "  %6.0f s sent %,9d  %6.0f/s now  %6.0f/s mean%n",
              (now - start) / 1e9,
              n,
              (n - lastSent) / ((now - lastPrint) / 1e9),
              n / ((now - start) / 1e9));
          lastPrint = now;
          lastSent = n;
        }
      }
    }
    if (failure.get() != null) {
      throw new IllegalStateException("The baseline failed to send", failure.get());
    }
    return sent.get();
  }

  private MimeMessage message(int n) throws MessagingException {
    String customerId = UUID.randomUUID().toString();
    Newsletter.Rendered content =
        Newsletter.render(
            Audience.fullName(n),
            baseUrl,
            tokens.issue(customerId, "NEWSLETTER"),
            tokens.issue(customerId, "PREFERENCES"));
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(Newsletter.FROM));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(SmtpSink.address(n)));
    message.setSubject(content.subject(), CHARSET);
    message.setSentDate(new Date());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(content.text(), CHARSET);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(content.html(), CHARSET, "html");
    message.setContent(new MimeMultipart("alternative", text, html));
    message.setHeader("List-Unsubscribe", content.listUnsubscribe());
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    message.saveChanges();
    return message;
  }
}
