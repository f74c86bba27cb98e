package app.custodian.notice.boundary;

import app.custodian.platform.control.DatabaseTime;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The policy and breach notices a customer was sent, for their export (audited there). */
@Stateless
public class NoticeHistory {

  @PersistenceContext EntityManager em;

  public List<NoticeSent> noticesTo(String customerId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select kind, reference, status, attempted_at, sent_at from notice_delivery"
                    + " where customer_id = ?1 order by attempted_at, kind, reference")
            .setParameter(1, customerId)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new NoticeSent(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    DatabaseTime.instant(row[3]),
                    DatabaseTime.instant(row[4])))
        .toList();
  }
}
