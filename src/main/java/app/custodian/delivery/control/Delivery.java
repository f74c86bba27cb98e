package app.custodian.delivery.control;

import app.custodian.delivery.entity.DeliveryStatus;
import app.custodian.mail.control.OutboundMail;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One message for the delivery pipeline: the mail, whom it is about, and its row in the job's
 * delivery table, which keeps it from going twice. Audit texts hold ids only.
 */
public interface Delivery {

  String customerId();

  /** The blind index of the recipient's address: suppressed when the server rejects it. */
  String addressIndex();

  OutboundMail mail();

  /**
   * Writes the {@code PENDING} row under the message key (auto-commit: it is committed at once).
   *
   * @return false when the message has a row already (sent by an earlier or parallel run)
   */
  boolean claim(Connection connection, long messageKey, Instant now) throws SQLException;

  /** Records the outcome; {@code detail} is the Message-ID or the reason. */
  void settle(Connection connection, DeliveryStatus status, String detail, Instant now)
      throws SQLException;

  /** Deletes the {@code PENDING} row of a message that certainly did not go. */
  void release(Connection connection) throws SQLException;

  /** What the audit entry says the message was, such as {@code policy notice 2.0}. */
  String auditDetail();
}
