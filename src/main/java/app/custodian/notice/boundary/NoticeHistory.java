package app.custodian.notice.boundary;

import app.custodian.delivery.boundary.MessageReturn;
import app.custodian.delivery.boundary.MessageReturns;
import app.custodian.delivery.control.DeliveryTables;
import app.custodian.platform.control.DatabaseTime;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/** The policy and breach notices a customer was sent, for their export (audited there). */
@Stateless
public class NoticeHistory {

  @PersistenceContext EntityManager em;
  @Inject MessageReturns returns;

  public List<NoticeSent> noticesTo(String customerId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select kind, reference, status, attempted_at, sent_at, message_key from notice_delivery"
                    + " where customer_id = ?1 order by attempted_at, kind, reference")
            .setParameter(1, customerId)
            .getResultList();
    Map<Long, List<MessageReturn>> returned =
        returns.toCustomer(DeliveryTables.NOTICES, customerId);
    return rows.stream()
        .map(
            row ->
                new NoticeSent(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    DatabaseTime.instant(row[3]),
                    DatabaseTime.instant(row[4]),
                    returned.getOrDefault(((Number) row[5]).longValue(), List.of())))
        .toList();
  }
}
