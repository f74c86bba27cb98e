package app.custodian.audit.boundary;

import app.custodian.audit.entity.AuditChainHead;
import app.custodian.audit.entity.AuditEntry;
import app.custodian.platform.boundary.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Seals written audit entries into the hash chain, in the order it finds them committed. Acts
 * append entries without waiting for one another; only this sealer takes the chain lock.
 */
@Stateless
public class AuditSealer {

  static final int BATCH = 2000;
  private static final int BATCHES_PER_RUN = 50;

  @PersistenceContext EntityManager em;
  @Resource SessionContext session;
  @Inject SchemaMigration migration;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  public void sealOnSchedule() {
    if (migration.applied()) { // waits for the migration to finish
      sealAll();
    }
  }

  /** Seals until nothing committed is left unsealed (or a bounded amount of work is done). */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void sealAll() {
    for (int i = 0; i < BATCHES_PER_RUN; i++) {
      if (self().sealBatch() < BATCH) {
        return;
      }
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int sealBatch() {
    AuditChainHead head =
        em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    List<AuditEntry> pending =
        em.createQuery(
                "select e from AuditEntry e where e.seq is null order by e.at, e.id",
                AuditEntry.class)
            .setMaxResults(BATCH)
            .getResultList();
    pending.forEach(head::seal);
    return pending.size();
  }

  // Through the container, so each batch gets its own transaction.
  private AuditSealer self() {
    return session.getBusinessObject(AuditSealer.class);
  }
}
