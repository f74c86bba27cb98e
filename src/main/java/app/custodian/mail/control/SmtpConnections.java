package app.custodian.mail.control;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connected SMTP transports shared by the sending threads: at most {@code max} at once, each used
 * by one thread at a time, kept open between messages.
 */
final class SmtpConnections implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SmtpConnections.class.getName());

  private final Session session;
  private final MailSettings settings;
  private final Semaphore permits;
  private final Deque<Transport> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  SmtpConnections(Session session, MailSettings settings, int max) {
    this.session = session;
    this.settings = settings;
    this.permits = new Semaphore(max, true);
  }

  /**
   * A connected transport, waiting while {@code max} are in use; give it back with {@link #release}
   * or {@link #discard}.
   */
  Transport borrow() throws MessagingException, InterruptedException {
    permits.acquire();
    try {
      Transport transport;
      while ((transport = idle.pollFirst()) != null) {
        if (transport.isConnected()) { // a NOOP: the server may have dropped an idle connection
          return transport;
        }
        closeQuietly(transport);
      }
      return connect();
    } catch (MessagingException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Puts a transport that is still usable back for the next message. */
  void release(Transport transport) {
    idle.offerFirst(transport);
    permits.release();
    if (closed) {
      closeIdle();
    }
  }

  void discard(Transport transport) {
    closeQuietly(transport);
    permits.release();
  }

  @Override
  public void close() {
    closed = true;
    closeIdle();
  }

  private Transport connect() throws MessagingException {
    Transport transport = session.getTransport("smtp");
    if (settings.authenticates()) {
      transport.connect(
          settings.smtpHost(), settings.smtpPort(), settings.user(), settings.password());
    } else {
      transport.connect(settings.smtpHost(), settings.smtpPort(), null, null);
    }
    return transport;
  }

  private void closeIdle() {
    Transport transport;
    while ((transport = idle.pollFirst()) != null) {
      closeQuietly(transport);
    }
  }

  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      LOG.log(Level.FINE, "Closing an SMTP connection failed: {0}", e.getClass().getSimpleName());
    }
  }
}
