package app.custodian.delivery.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The tables whose rows are messages, one key per message from the sequence they share: what comes
 * back names a message key, and {@link #find} tells which row, whatever job sent it.
 */
public final class DeliveryTables {

  /** Campaign messages, one per (campaign, customer). */
  public static final MessageRows CAMPAIGN_MESSAGES =
      new MessageRows("delivery", "campaign_id", "customer_id");

  /** Renewal reminders, one per (contract, offset in days). */
  public static final MessageRows RENEWAL_REMINDERS =
      new MessageRows("renewal_reminder", "contract_id", "offset_days");

  /** Service notices (policy, breach), one per (kind, reference, customer). */
  public static final MessageRows NOTICES =
      new MessageRows("notice_delivery", "kind", "reference", "customer_id");

  private static final List<MessageRows> ALL =
      List.of(CAMPAIGN_MESSAGES, RENEWAL_REMINDERS, NOTICES);

  private DeliveryTables() {}

  /** The message with this key; empty when no row holds it (never sent, or its person deleted). */
  public static Optional<SentMessage> find(Connection connection, long messageKey)
      throws SQLException {
    for (MessageRows rows : ALL) {
      Optional<SentMessage> message = rows.find(connection, messageKey);
      if (message.isPresent()) {
        return message;
      }
    }
    return Optional.empty();
  }

  /**
   * The message sent with this Message-ID, for a return that names no VERP token; empty when no row
   * holds it.
   */
  public static Optional<SentMessage> findByMessageId(Connection connection, String messageId)
      throws SQLException {
    for (MessageRows rows : ALL) {
      OptionalLong key = rows.keyOfMessageId(connection, messageId);
      if (key.isPresent()) {
        return rows.find(connection, key.getAsLong());
      }
    }
    return Optional.empty();
  }
}
