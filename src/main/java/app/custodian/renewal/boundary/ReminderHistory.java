package app.custodian.renewal.boundary;

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

/** The renewal reminders a customer was sent, for their export (audited there). */
@Stateless
public class ReminderHistory {

  @PersistenceContext EntityManager em;
  @Inject MessageReturns returns;

  public List<ReminderSent> remindersTo(String customerId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select contract_id, offset_days, status, attempted_at, sent_at, message_id,"
                    + " consent_event_id, message_key from renewal_reminder where customer_id = ?1"
                    + " order by attempted_at, contract_id")
            .setParameter(1, customerId)
            .getResultList();
    Map<Long, List<MessageReturn>> returned =
        returns.toCustomer(DeliveryTables.RENEWAL_REMINDERS, customerId);
    return rows.stream()
        .map(
            row ->
                new ReminderSent(
                    (String) row[0],
                    ((Number) row[1]).intValue(),
                    (String) row[2],
                    DatabaseTime.instant(row[3]),
                    DatabaseTime.instant(row[4]),
                    (String) row[5],
                    (String) row[6],
                    returned.getOrDefault(((Number) row[7]).longValue(), List.of())))
        .toList();
  }
}
