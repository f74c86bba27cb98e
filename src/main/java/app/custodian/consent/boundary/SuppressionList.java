package app.custodian.consent.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.entity.Purpose;
import app.custodian.consent.entity.Suppression;
import app.custodian.consent.entity.SuppressionReason;
import app.custodian.security.control.BlindIndex;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/** Addresses that must not be mailed, held as blind indexes only. */
@Stateless
public class SuppressionList {

  @PersistenceContext EntityManager em;
  @Inject BlindIndex blindIndex;
  @Inject AuditTrail audit;
  @Inject LegacySuppressions legacy;

  Clock clock = Clock.systemUTC();

  /** Every entry for the address (by its blind index), any scope. */
  public List<Suppression> of(String addressIndex) {
    return em.createQuery(
            "select s from Suppression s where s.addressIndex = :index order by s.at",
            Suppression.class)
        .setParameter("index", addressIndex)
        .getResultList();
  }

  public boolean blocks(String addressIndex, Purpose purpose) {
    return of(addressIndex).stream().anyMatch(s -> s.blocks(purpose));
  }

  /**
   * Adds the entry unless the address is suppressed in that scope already (the first reason stays).
   */
  public void suppress(String addressIndex, String scope, SuppressionReason reason) {
    if (add(addressIndex, scope, reason)) {
      audit.record("SUPPRESSION_ADDED", null, scope + " " + reason);
    }
  }

  /** As {@link #suppress}, on behalf of someone other than the caller. */
  public void suppressAs(
      String actor, String addressIndex, String scope, SuppressionReason reason) {
    if (add(addressIndex, scope, reason)) {
      audit.recordAs(actor, "SUPPRESSION_ADDED", null, scope + " " + reason);
    }
  }

  /** SMTP refused the address for good: suppressed for everything, by the application. */
  public void hardBounced(String addressIndex) {
    suppressAs(
        AuditTrail.SYSTEM_ACTOR, addressIndex, Suppression.ALL, SuppressionReason.HARD_BOUNCE);
  }

  private boolean add(String addressIndex, String scope, SuppressionReason reason) {
    if (em.find(Suppression.class, new Suppression.Key(addressIndex, scope)) != null) {
      return false;
    }
    em.persist(new Suppression(addressIndex, scope, reason, clock.instant()));
    return true;
  }

  public void suppressAddress(String email, String scope, SuppressionReason reason) {
    legacy.adopt(email);
    suppress(blindIndex.email(email), scope, reason);
  }

  /** The person opted in again, explicitly: the entries that their own wish can lift go. */
  public void liftForOptIn(String actor, Purpose purpose, Collection<Suppression> entries) {
    for (Suppression entry : entries) {
      if (entry.liftedByOptIn(purpose)) {
        em.remove(em.merge(entry));
        audit.recordAs(actor, "SUPPRESSION_LIFTED", null, entry.scope() + " " + entry.reason());
      }
    }
  }

  /** Removes the address's entry in one scope; true when there was one. */
  public boolean remove(String email, String scope) {
    legacy.adopt(email);
    Suppression entry =
        em.find(Suppression.class, new Suppression.Key(blindIndex.email(email), scope));
    if (entry == null) {
      return false;
    }
    em.remove(entry);
    audit.record("SUPPRESSION_REMOVED", null, entry.scope() + " " + entry.reason());
    return true;
  }

  public List<Suppression> ofAddress(String email) {
    legacy.adopt(email);
    return of(blindIndex.email(email));
  }
}
