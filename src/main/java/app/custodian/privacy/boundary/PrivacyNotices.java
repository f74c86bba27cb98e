package app.custodian.privacy.boundary;

import app.custodian.customer.boundary.Recipient;
import app.custodian.mail.boundary.MailQueuing;
import app.custodian.privacy.entity.PrivacyNotice;
import app.custodian.privacy.entity.PrivacyNoticeKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Queues the emails about privacy requests in the transaction of the change they tell of ({@link
 * MailQueuing}); {@link PrivacyNoticeQueue} sends them after the commit, never inside the request's
 * transaction.
 */
@Stateless
public class PrivacyNotices {

  @Inject MailQueuing queuing;

  Clock clock = Clock.systemUTC();

  public void enqueue(String customerId, String requestId, PrivacyNoticeKind kind) {
    queuing.enqueue(new PrivacyNotice(customerId, requestId, kind, clock.instant()));
  }

  /**
   * Queues the completion notice of an erasure, keeping the address and language read before the
   * person is erased: the one place they stay, encrypted, until the message is sent.
   */
  public void enqueueBeforeErasure(Recipient recipient, String requestId) {
    PrivacyNotice notice =
        new PrivacyNotice(
            recipient.customerId(), requestId, PrivacyNoticeKind.COMPLETED, clock.instant());
    notice.keepAddressForErasure(recipient.email(), recipient.locale());
    queuing.enqueue(notice);
  }
}
