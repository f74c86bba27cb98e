package app.custodian.delivery.boundary;

import app.custodian.delivery.control.MessageRows;
import app.custodian.platform.control.DatabaseTime;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What came back for the messages to one person ({@code mail_return}, matched by message key), for
 * their export and their page; auto-replies and unmatched returns are not theirs to see.
 */
@Stateless
public class MessageReturns {

  /** The kinds a person's export lists. */
  static final String LISTED_KINDS = "'HARD_BOUNCE', 'SOFT_BOUNCE', 'COMPLAINT', 'UNSUBSCRIBE'";

  @PersistenceContext EntityManager em;

  /**
   * The returns of the customer's messages in one delivery table, by message key, oldest first;
   * read within the caller's audit.
   */
  public Map<Long, List<MessageReturn>> toCustomer(MessageRows messages, String customerId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select r.message_key, r.kind, r.received_at from mail_return r join "
                    + messages.table()
                    + " m on m.message_key = r.message_key where m.customer_id = ?1"
                    + " and r.kind in ("
                    + LISTED_KINDS
                    + ") order by r.received_at, r.id")
            .setParameter(1, customerId)
            .getResultList();
    Map<Long, List<MessageReturn>> byMessage = new HashMap<>();
    for (Object[] row : rows) {
      byMessage
          .computeIfAbsent(((Number) row[0]).longValue(), key -> new ArrayList<>())
          .add(new MessageReturn((String) row[1], DatabaseTime.instant(row[2])));
    }
    return byMessage;
  }
}
