package app.custodian.privacy.boundary;

import app.custodian.customer.boundary.Recipient;
import app.custodian.privacy.entity.PrivacyNotice;
import app.custodian.privacy.entity.PrivacyNoticeKind;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Queues the emails about privacy requests in the transaction of the change they tell of, so a
 * rolled-back change sends nothing and a committed one cannot be lost; they go out right after the
 * commit ({@link PrivacyNoticeDispatcher}), never inside the request's transaction.
 */
@Stateless
public class PrivacyNotices {

  @PersistenceContext EntityManager em;
  @Inject Event<PrivacyNoticeQueued> queued;

  Clock clock = Clock.systemUTC();

  public void enqueue(String customerId, String requestId, PrivacyNoticeKind kind) {
    em.persist(new PrivacyNotice(customerId, requestId, kind, clock.instant()));
    queued.fire(new PrivacyNoticeQueued());
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
    em.persist(notice);
    queued.fire(new PrivacyNoticeQueued());
  }
}
