package app.custodian.consent.boundary;

import app.custodian.consent.entity.ConsentNotice;
import app.custodian.consent.entity.NoticeKind;
import app.custodian.consent.entity.Purpose;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Queues confirmation emails in the transaction of the change they confirm, so a rolled-back change
 * sends nothing and a committed one cannot be lost; they go out right after the commit.
 */
@Stateless
public class ConsentNotices {

  @PersistenceContext EntityManager em;
  @Inject Event<NoticeQueued> queued;

  Clock clock = Clock.systemUTC();

  public void enqueue(String customerId, NoticeKind kind, Purpose purpose) {
    em.persist(new ConsentNotice(customerId, kind, purpose, clock.instant()));
    queued.fire(new NoticeQueued());
  }
}
