package app.custodian.notice.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.campaign.control.SendPacer;
import app.custodian.campaign.entity.DeliveryStatus;
import app.custodian.consent.boundary.ConsentChecks;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.MailRejectedException;
import app.custodian.mail.control.MailUnavailableException;
import app.custodian.mail.control.OutboundMail;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one service notice of a mail job at most once: its row committed {@code PENDING} before the
 * SMTP hand-off, then {@code SENT} with the Message-ID, {@code FAILED} (5xx: the address is
 * suppressed as a hard bounce) or {@code UNCERTAIN} (the connection broke after the data), each
 * with its audit entry in the same transaction. When SMTP cannot be reached and the message
 * certainly did not go, the row is given back and the exception goes on, so the step fails and a
 * restart sends it. Each writer paces its sends with its own {@link #pacer()}, at most {@code
 * CUSTODIAN_SEND_RATE} a second.
 */
@ApplicationScoped
public class SendOnce {

  /** The row that keeps a message from going twice. Audit texts hold ids only. */
  public interface Claim {

    /**
     * Commits the {@code PENDING} row.
     *
     * @return false when the message has a row already (sent by an earlier run)
     */
    boolean take(Connection connection) throws SQLException;

    void settle(Connection connection, DeliveryStatus status, String detail) throws SQLException;

    /** Deletes the {@code PENDING} row of a message that certainly did not go. */
    void release(Connection connection) throws SQLException;

    String customerId();

    /** What the audit entry says the message was, such as {@code policy notice 2.0}. */
    String auditDetail();
  }

  @Inject MailGateway mail;
  @Inject ConsentChecks consent;
  @Inject AuditJournal audit;

  @Inject
  @ConfigProperty(name = "custodian.send.rate", defaultValue = "0")
  double rate;

  /** A pacer for one job's sends. */
  public SendPacer pacer() {
    return new SendPacer(rate);
  }

  public void send(
      Connection connection,
      Claim claim,
      OutboundMail message,
      String addressIndex,
      SendPacer pacer)
      throws SQLException, MailUnavailableException, InterruptedException {
    if (!claim.take(connection)) {
      return;
    }
    pacer.await();
    try {
      String messageId = mail.send(message);
      settle(connection, claim, DeliveryStatus.SENT, messageId, "EMAIL_SENT");
    } catch (MailRejectedException e) {
      consent.suppressHardBounce(connection, addressIndex);
      settle(connection, claim, DeliveryStatus.FAILED, "SMTP " + e.code(), "EMAIL_REJECTED");
    } catch (MailUnavailableException e) {
      if (!e.possiblyDelivered()) {
        claim.release(connection);
        throw e;
      }
      settle(connection, claim, DeliveryStatus.UNCERTAIN, e.getMessage(), "EMAIL_UNCERTAIN");
    }
  }

  private void settle(
      Connection connection, Claim claim, DeliveryStatus status, String detail, String action)
      throws SQLException {
    JobDatabase.inTransaction(
        connection,
        () -> {
          claim.settle(connection, status, detail);
          audit.append(
              connection,
              AuditTrail.SYSTEM_ACTOR,
              action,
              claim.customerId(),
              claim.auditDetail() + (status == DeliveryStatus.SENT ? ": " + detail : ""));
        });
  }
}
