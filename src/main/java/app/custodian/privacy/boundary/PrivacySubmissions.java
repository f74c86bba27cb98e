package app.custodian.privacy.boundary;

import app.custodian.consent.boundary.PublicLimits;
import app.custodian.platform.boundary.SchemaMigration;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.Ids;
import app.custodian.security.control.BlindIndex;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The public privacy form's submissions. Answering one does the same work whoever the address
 * belongs to (its blind index, one count and one insert), so neither the answer nor its time says
 * who is a customer; the address is matched a moment later, by a timer, after the answer has gone.
 * A submission keeps only the blind index, for a day: it is how often an address was asked about.
 */
@Stateless
public class PrivacySubmissions {

  /** What the form answers. */
  public enum Answer {
    RECEIVED,
    TOO_MANY
  }

  private static final int BATCH = 100;
  private static final Duration KEPT = Duration.ofDays(1);

  @PersistenceContext EntityManager em;
  @Resource SessionContext session;
  @Inject BlindIndex blindIndex;
  @Inject PublicLimits limits;
  @Inject PrivacyRequestService requests;
  @Inject SchemaMigration migration;

  Clock clock = Clock.systemUTC();

  /** Records a submission unless this address was asked about too often in the last hour. */
  public Answer submit(String email) {
    String emailIndex = blindIndex.email(email);
    Instant now = clock.instant();
    Number recent =
        (Number)
            em.createNativeQuery(
                    "select count(*) from privacy_submission"
                        + " where email_index = ? and submitted_at > ?")
                .setParameter(1, emailIndex)
                .setParameter(2, DatabaseTime.column(now.minus(PublicLimits.WINDOW)))
                .getSingleResult();
    if (recent.intValue() >= limits.perAddress()) {
      return Answer.TOO_MANY;
    }
    em.createNativeQuery(
            "insert into privacy_submission (id, email_index, submitted_at) values (?, ?, ?)")
        .setParameter(1, Ids.newId())
        .setParameter(2, emailIndex)
        .setParameter(3, DatabaseTime.column(now))
        .executeUpdate();
    return Answer.RECEIVED;
  }

  @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
  public void matchOnSchedule() {
    if (migration.applied()) {
      matchPending();
    }
  }

  /** Matches every submission not matched yet, each in its own transaction. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void matchPending() {
    List<?> pending;
    do {
      pending =
          em.createNativeQuery(
                  "select id from privacy_submission where processed_at is null"
                      + " order by submitted_at, id")
              .setMaxResults(BATCH)
              .getResultList();
      pending.forEach(id -> self().match((String) id));
    } while (pending.size() == BATCH);
  }

  /** Under a row lock, so two nodes never match one submission twice. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void match(String submissionId) {
    List<?> unmatched =
        em.createNativeQuery(
                "select email_index from privacy_submission"
                    + " where id = ? and processed_at is null for update")
            .setParameter(1, submissionId)
            .getResultList();
    if (unmatched.isEmpty()) {
      return;
    }
    requests.requestLink((String) unmatched.get(0));
    em.createNativeQuery("update privacy_submission set processed_at = ? where id = ?")
        .setParameter(1, DatabaseTime.column(clock.instant()))
        .setParameter(2, submissionId)
        .executeUpdate();
  }

  @Schedule(hour = "*", minute = "17", persistent = false)
  public void forgetOldSubmissions() {
    if (migration.applied()) {
      em.createNativeQuery(
              "delete from privacy_submission where processed_at is not null and submitted_at < ?")
          .setParameter(1, DatabaseTime.column(clock.instant().minus(KEPT)))
          .executeUpdate();
    }
  }

  // Through the container, so each submission gets its own transaction.
  private PrivacySubmissions self() {
    return session.getBusinessObject(PrivacySubmissions.class);
  }
}
