package app.custodian.mail.boundary;

import app.custodian.platform.boundary.SchemaMigration;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends the queued emails of every {@link MailQueue} that are due: right after the commit that
 * queued them, and every few seconds for retries and for what a restart left behind. Each one goes
 * in its own transaction under a row lock ({@link MailQueue#deliver}), so nodes that dispatch at
 * once do not send twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDispatcher {

  private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());
  private static final int BATCH = 100;
  private static final int BATCHES_PER_RUN = 20;

  @PersistenceContext EntityManager em;
  @Inject SchemaMigration migration;
  @Inject @Any Instance<MailQueue> queues;

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
    for (MailQueue queue : queues) {
      String rows = em.getMetamodel().entity(queue.rows()).getName();
      try {
        dispatchDue(queue, rows);
      } catch (RuntimeException e) {
        // One queue's failure must not hold up the others; its rows wait for the next run.
        // Class names only: messages of failures while rendering may hold personal data.
        LOG.warning(() -> "Sending from " + rows + " stopped until the next run: " + causes(e));
      }
    }
  }

  private void dispatchDue(MailQueue queue, String rows) {
    for (int i = 0; i < BATCHES_PER_RUN; i++) {
      List<String> due = due(rows);
      due.forEach(queue::deliver);
      if (due.size() < BATCH) {
        return;
      }
    }
  }

  private static String causes(Throwable failure) {
    StringBuilder names = new StringBuilder(failure.getClass().getName());
    for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
      names.append(" < ").append(t.getClass().getName());
    }
    return names.toString();
  }

  private List<String> due(String rows) {
    String jpql =
        "select n.id from %s n where n.retry.nextAttemptAt <= :now"
            + " order by n.retry.nextAttemptAt, n.id";
    return em.createQuery(jpql.formatted(rows), String.class)
        .setParameter("now", clock.instant())
        .setMaxResults(BATCH)
        .getResultList();
  }
}
