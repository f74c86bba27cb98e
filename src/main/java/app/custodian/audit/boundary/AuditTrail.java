package app.custodian.audit.boundary;

import app.custodian.audit.control.ChainHash;
import app.custodian.audit.entity.AuditChainHead;
import app.custodian.audit.entity.AuditEntry;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The hash-chained audit trail. Entries are written in the caller's transaction, so an act and its
 * entry commit or roll back together; {@link AuditSealer} chains them within about a second.
 */
@Stateless
public class AuditTrail {

  /** The actor of what the application does by itself. */
  public static final String SYSTEM_ACTOR = "system";

  private static final int VERIFY_BATCH = 1000;

  @PersistenceContext EntityManager em;
  @Resource SessionContext session;
  @Inject AuditSealer sealer;

  Clock clock = Clock.systemUTC();

  /** Records an act of the calling staff member (or of the system when no one is logged in). */
  public void record(String action, String customerId, String detail) {
    recordAs(actor(), action, customerId, detail);
  }

  public void recordAs(String actor, String action, String customerId, String detail) {
    em.persist(new AuditEntry(clock.instant(), actor, action, customerId, detail));
  }

  public Page<AuditView> find(AuditFilter filter, PageRequest page) {
    StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
    Map<String, Object> parameters = new LinkedHashMap<>();
    condition(where, parameters, "e.customerId = :customerId", "customerId", filter.customerId());
    condition(where, parameters, "e.actor = :actor", "actor", filter.actor());
    condition(where, parameters, "e.action = :action", "action", filter.action());
    condition(where, parameters, "e.at >= :from", "from", filter.from());
    condition(where, parameters, "e.at < :to", "to", filter.to());
    TypedQuery<AuditEntry> query =
        em.createQuery(
            "select e from AuditEntry e" + where + " order by e.at desc, e.id desc",
            AuditEntry.class);
    TypedQuery<Long> count =
        em.createQuery("select count(e) from AuditEntry e" + where, Long.class);
    parameters.forEach(query::setParameter);
    parameters.forEach(count::setParameter);
    List<AuditEntry> entries =
        query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    return Page.of(entries, page, count.getSingleResult()).map(AuditView::of);
  }

  private static void condition(
      StringJoiner where,
      Map<String, Object> parameters,
      String clause,
      String name,
      Object value) {
    if (value != null) {
      where.add(clause);
      parameters.put(name, value);
    }
  }

  /**
   * Seals what is pending, then walks the chain from its start: every entry unchanged, none
   * missing, the head at its end.
   */
  public ChainVerification verify() {
    sealer.sealAll();
    String previous = ChainHash.GENESIS;
    long lastSeq = 0;
    List<AuditEntry> batch;
    do {
      batch =
          em.createQuery(
                  "select e from AuditEntry e where e.seq > :after order by e.seq",
                  AuditEntry.class)
              .setParameter("after", lastSeq)
              .setMaxResults(VERIFY_BATCH)
              .getResultList();
      for (AuditEntry entry : batch) {
        if (entry.seq() != lastSeq + 1 || !entry.follows(previous)) {
          return new ChainVerification(false, lastSeq, lastSeq + 1);
        }
        previous = entry.hash();
        lastSeq = entry.seq();
        em.detach(entry);
      }
    } while (batch.size() == VERIFY_BATCH);
    AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
    if (!head.endsWith(lastSeq, previous)) {
      return new ChainVerification(false, lastSeq, lastSeq + 1);
    }
    return new ChainVerification(true, lastSeq, null);
  }

  /** The calling staff member's name, or the system's when no one is logged in. */
  public String actor() {
    try {
      String name = session.getCallerPrincipal().getName();
      return name == null || name.equalsIgnoreCase("ANONYMOUS") ? SYSTEM_ACTOR : name;
    } catch (IllegalStateException e) {
      return SYSTEM_ACTOR;
    }
  }
}
