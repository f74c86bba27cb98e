package app.custodian.consent.boundary;

import app.custodian.consent.entity.ConsentNotice;
import app.custodian.consent.entity.NoticeKind;
import app.custodian.consent.entity.Purpose;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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
  @Inject Event<Queued> queued;

  Clock clock = Clock.systemUTC();

  public void enqueue(String customerId, NoticeKind kind, Purpose purpose) {
    em.persist(new ConsentNotice(customerId, kind, purpose, clock.instant()));
    queued.fire(new Queued());
  }

  /** Fired when a notice was queued; observed after the commit. */
  public record Queued() {}

  /** Starts sending once the transaction that queued a notice has committed. */
  @jakarta.enterprise.context.ApplicationScoped
  public static class AfterCommit {
    @Inject NoticeDispatcher dispatcher;

    void dispatch(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued event) {
      dispatcher.dispatchSoon();
    }
  }
}
