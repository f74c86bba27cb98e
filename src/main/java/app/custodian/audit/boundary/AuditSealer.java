package app.custodian.audit.boundary;

import app.custodian.audit.control.EntryMac;
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
import java.util.logging.Logger;

/**
 * Seals written audit entries into the hash chain, in the order it finds them committed. Acts
 * append entries without waiting for one another; only this sealer takes the chain lock. An entry
 * without a valid MAC was not written by the application: it is refused (marked, so it never holds
 * up the entries behind it) and stays out of the chain, for verification to report.
 */
@Stateless
public class AuditSealer {

  static final int BATCH = 2000;
  private static final int BATCHES_PER_RUN = 50;
  private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

  @PersistenceContext EntityManager em;
  @Resource SessionContext session;
  @Inject SchemaMigration migration;
  @Inject EntryMac macs;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  public void sealOnSchedule() {
    if (migration.applied()) { // waits for the migration to finish
      sealAll();
    }
  }

  /** Seals until nothing committed is left pending (or a bounded amount of work is done). */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void sealAll() {
    for (int i = 0; i < BATCHES_PER_RUN; i++) {
      if (self().sealBatch() < BATCH) {
        return;
      }
    }
  }

  /** Seals or refuses up to {@link #BATCH} pending entries; answers how many it took. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int sealBatch() {
    AuditChainHead head =
        em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    List<AuditEntry> pending =
        em.createQuery(
                "select e from AuditEntry e where e.seq is null and e.refused = false"
                    + " order by e.at, e.id",
                AuditEntry.class)
            .setMaxResults(BATCH)
            .getResultList();
    for (AuditEntry entry : pending) {
      if (entry.authentic(macs)) {
        head.seal(entry);
      } else {
        entry.refuse();
        LOG.warning(() -> "Audit entry " + printable(entry.id()) + " has no valid MAC: not sealed");
      }
    }
    return pending.size();
  }

  // The id of a row written outside the application could hold anything, line breaks included.
  private static String printable(String id) {
    return id.replaceAll("[^0-9A-Za-z-]", "?");
  }

  // Through the container, so each batch gets its own transaction.
  private AuditSealer self() {
    return session.getBusinessObject(AuditSealer.class);
  }
}
