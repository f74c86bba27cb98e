package app.custodian.delivery.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.consent.boundary.ConsentChecks;
import app.custodian.delivery.control.Delivery;
import app.custodian.delivery.control.MessageRows;
import app.custodian.delivery.entity.DeliveryStatus;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.MailRejectedException;
import app.custodian.mail.control.MailUnavailableException;
import app.custodian.platform.boundary.JobDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The steps of one message around the SMTP hand-off: claim under a new message key, hand-off with
 * the message's own envelope sender, and the record of what happened (row and audit entry in one
 * transaction; the address suppressed on a rejection).
 */
final class Settlement {

  private final JobDatabase database;
  private final MailGateway mail;
  private final ConsentChecks consent;
  private final AuditJournal audit;
  private final ReturnPaths returnPaths;
  private final Consumer<DeliveryStatus> settled;

  Settlement(
      JobDatabase database,
      MailGateway mail,
      ConsentChecks consent,
      AuditJournal audit,
      ReturnPaths returnPaths,
      Consumer<DeliveryStatus> settled) {
    this.database = database;
    this.mail = mail;
    this.consent = consent;
    this.audit = audit;
    this.returnPaths = returnPaths;
    this.settled = settled;
  }

  Connection connect() throws SQLException {
    return database.connect();
  }

  /**
   * Commits the message's PENDING row.
   *
   * @return its message key, or -1 when the message has a row already
   */
  long claim(Connection connection, Delivery delivery) throws SQLException {
    long key = MessageRows.nextKey(connection);
    return delivery.claim(connection, key, Instant.now()) ? key : -1;
  }

  /** Hands the message to SMTP and records SENT, or FAILED for a rejection. */
  DeliveryStatus handOff(Connection connection, Delivery delivery, long messageKey)
      throws SQLException, MailUnavailableException {
    try {
      String messageId = mail.send(delivery.mail(), returnPaths.envelopeSender(messageKey));
      return settle(connection, delivery, DeliveryStatus.SENT, messageId, "EMAIL_SENT");
    } catch (MailRejectedException e) {
      consent.suppressHardBounce(connection, delivery.addressIndex());
      return settle(
          connection, delivery, DeliveryStatus.FAILED, "SMTP " + e.code(), "EMAIL_REJECTED");
    }
  }

  DeliveryStatus uncertain(Connection connection, Delivery delivery, String reason)
      throws SQLException {
    return settle(connection, delivery, DeliveryStatus.UNCERTAIN, reason, "EMAIL_UNCERTAIN");
  }

  private DeliveryStatus settle(
      Connection connection, Delivery delivery, DeliveryStatus status, String detail, String action)
      throws SQLException {
    JobDatabase.inTransaction(
        connection,
        () -> {
          delivery.settle(connection, status, detail, Instant.now());
          audit.append(
              connection,
              AuditTrail.SYSTEM_ACTOR,
              action,
              delivery.customerId(),
              delivery.auditDetail() + (status == DeliveryStatus.SENT ? ": " + detail : ""));
        });
    settled.accept(status);
    return status;
  }
}
