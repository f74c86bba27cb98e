package app.custodian.privacy.boundary;

import app.custodian.privacy.entity.PrivacyRequest;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The privacy requests of a customer, for their export (audited there). */
@Stateless
public class PrivacyRequestHistory {

  @PersistenceContext EntityManager em;

  /**
   * @param locale the customer's language, for what a refusal told them
   */
  public List<PrivacyRequestRecord> requestsOf(String customerId, String locale) {
    return em
        .createQuery(
            "select r from PrivacyRequest r where r.customerId = :id"
                + " order by r.receivedAt, r.id",
            PrivacyRequest.class)
        .setParameter("id", customerId)
        .getResultList()
        .stream()
        .map(r -> PrivacyRequestRecord.of(r, locale))
        .toList();
  }
}
