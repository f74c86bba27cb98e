package app.custodian.mail.boundary;

import app.custodian.mail.control.MailRejectedException;
import app.custodian.mail.control.MailUnavailableException;
import app.custodian.mail.control.OutboundMail;
import app.custodian.mail.entity.RetrySchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands a queued email to the gateway and says what became of it; on a transient failure it
 * reschedules the row ({@code CUSTODIAN_MAIL_RETRY_AFTER}, then doubling) until retrying is
 * exhausted. The queue removes the row and records the outcome unless it is to be retried.
 */
@ApplicationScoped
public class QueuedSend {

  private static final Logger LOG = Logger.getLogger(QueuedSend.class.getName());

  @Inject MailGateway mail;

  @Inject
  @ConfigProperty(name = "custodian.mail.retry.after", defaultValue = "PT30S")
  String firstRetry;

  /** What became of one attempt; names double as the end of the audit action (EMAIL_SENT...). */
  public enum Result {
    SENT,
    /** Refused for good (SMTP 5xx): the address hard-bounced. */
    REJECTED,
    RETRY_LATER,
    GAVE_UP
  }

  /**
   * @param detail for the audit entry: the Message-ID, the SMTP code or the number of attempts
   */
  public record Outcome(Result result, String detail) {

    /** Whether the row is done with: to be removed, and the outcome recorded. */
    public boolean finished() {
      return result != Result.RETRY_LATER;
    }
  }

  /**
   * @param what names the row in the log, by id only
   */
  public Outcome attempt(String what, OutboundMail message, RetrySchedule retry, Instant now) {
    try {
      return new Outcome(Result.SENT, mail.send(message));
    } catch (MailRejectedException e) {
      return new Outcome(Result.REJECTED, "SMTP " + e.code());
    } catch (MailUnavailableException e) {
      retry.retryLater(now, Duration.parse(firstRetry));
      LOG.warning(
          () -> what + " not sent, retry at " + retry.nextAttemptAt() + ": " + e.getMessage());
      return retry.exhausted()
          ? new Outcome(Result.GAVE_UP, retry.attempts() + " attempts")
          : new Outcome(Result.RETRY_LATER, null);
    }
  }
}
