package app.custodian.audit.boundary;

import app.custodian.audit.control.EntryMac;
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
 * The hash-chained audit trail. Entries are written with their MAC in the caller's transaction, so
 * an act and its entry commit or roll back together; {@link AuditSealer} chains them within about a
 * second.
 */
@Stateless
public class AuditTrail {

  /** The actor of what the application does by itself. */
  public static final String SYSTEM_ACTOR = "system";

  private static final int VERIFY_BATCH = 1000;

  @PersistenceContext EntityManager em;
  @Resource SessionContext session;
  @Inject AuditSealer sealer;
  @Inject EntryMac macs;

  Clock clock = Clock.systemUTC();

  /** Records an act of the calling staff member (or of the system when no one is logged in). */
  public void record(String action, String customerId, String detail) {
    recordAs(actor(), action, customerId, detail);
  }

  public void recordAs(String actor, String action, String customerId, String detail) {
    em.persist(new AuditEntry(clock.instant(), actor, action, customerId, detail, macs));
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
   * Seals what is pending, reads where the chain ends, then walks it from its start to there: every
   * entry unchanged, none missing, each with a valid MAC. Every other entry (not sealed, or sealed
   * during the walk) must carry a valid MAC too. Sealing during the walk is no false alarm.
   */
  public ChainVerification verify() {
    sealer.sealAll();
    AuditChainHead end = em.find(AuditChainHead.class, AuditChainHead.ID);
    em.detach(end);
    ChainCheck check = new ChainCheck(macs, end);
    walkChain(check, end.lastSeq());
    walkOutsideChain(check, end.lastSeq());
    return check.result();
  }

  private void walkChain(ChainCheck check, long endSeq) {
    long afterSeq = 0;
    List<AuditEntry> batch;
    do {
      batch =
          em.createQuery(
                  "select e from AuditEntry e where e.seq > :after and e.seq <= :end"
                      + " order by e.seq",
                  AuditEntry.class)
              .setParameter("after", afterSeq)
              .setParameter("end", endSeq)
              .setMaxResults(VERIFY_BATCH)
              .getResultList();
      for (AuditEntry entry : batch) {
        check.chained(entry);
        afterSeq = entry.seq();
        em.detach(entry);
      }
    } while (batch.size() == VERIFY_BATCH);
  }

  private void walkOutsideChain(ChainCheck check, long endSeq) {
    String afterId = "";
    List<AuditEntry> batch;
    do {
      batch =
          em.createQuery(
                  "select e from AuditEntry e where (e.seq is null or e.seq > :end)"
                      + " and e.id > :after order by e.id",
                  AuditEntry.class)
              .setParameter("end", endSeq)
              .setParameter("after", afterId)
              .setMaxResults(VERIFY_BATCH)
              .getResultList();
      for (AuditEntry entry : batch) {
        check.outsideChain(entry);
        afterId = entry.id();
        em.detach(entry);
      }
    } while (batch.size() == VERIFY_BATCH);
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
