package app.custodian.privacy.boundary;

import app.custodian.platform.boundary.SchemaMigration;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * Sends the queued emails about privacy requests that are due: right after the commit that queued
 * them, and every few seconds for retries and what a restart left behind. Each goes in its own
 * transaction under a row lock, as the consent confirmations do ({@code NoticeDispatcher}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PrivacyNoticeDispatcher {

  private static final int BATCH = 100;
  private static final int BATCHES_PER_RUN = 20;

  @PersistenceContext EntityManager em;
  @Inject SchemaMigration migration;
  @Inject PrivacyNoticeDelivery delivery;

  Clock clock = Clock.systemUTC();

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  public void dispatchOnSchedule() {
    if (migration.applied()) {
      dispatchDue();
    }
  }

  @Asynchronous
  public void dispatchSoon() {
    dispatchDue();
  }

  public void dispatchDue() {
    for (int i = 0; i < BATCHES_PER_RUN; i++) {
      List<String> due = due();
      due.forEach(delivery::deliver);
      if (due.size() < BATCH) {
        return;
      }
    }
  }

  private List<String> due() {
    return em.createQuery(
            "select n.id from PrivacyNotice n where n.nextAttemptAt <= :now"
                + " order by n.nextAttemptAt, n.id",
            String.class)
        .setParameter("now", clock.instant())
        .setMaxResults(BATCH)
        .getResultList();
  }
}
