package app.custodian.privacy.boundary;

import app.custodian.customer.boundary.Recipient;
import app.custodian.mail.boundary.MailQueuing;
import app.custodian.privacy.entity.PrivacyEmail;
import app.custodian.privacy.entity.PrivacyEmailKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Queues the emails about privacy requests in the transaction of the change they tell of ({@link
 * MailQueuing}); {@link PrivacyEmailQueue} sends them after the commit, never inside the request's
 * transaction.
 */
@Stateless
public class PrivacyEmails {

  @Inject MailQueuing queuing;

  Clock clock = Clock.systemUTC();

  public void enqueue(String customerId, String requestId, PrivacyEmailKind kind) {
    queuing.enqueue(new PrivacyEmail(customerId, requestId, kind, clock.instant()));
  }

  /**
   * Queues the completion notice of an erasure, keeping the address and language read before the
   * person is erased: the one place they stay, encrypted, until the message is sent.
   */
  public void enqueueBeforeErasure(Recipient recipient, String requestId) {
    PrivacyEmail notice =
        new PrivacyEmail(
            recipient.customerId(), requestId, PrivacyEmailKind.COMPLETED, clock.instant());
    notice.keepAddressForErasure(recipient.email(), recipient.locale());
    queuing.enqueue(notice);
  }
}
