package app.custodian.notice.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.campaign.entity.DeliveryStatus;
import app.custodian.consent.boundary.ConsentChecks;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.MailRejectedException;
import app.custodian.mail.control.MailUnavailableException;
import app.custodian.notice.control.NoticeDeliveries;
import app.custodian.notice.entity.NoticeKind;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Sends each notice once: a PENDING row committed, the SMTP hand-off, then SENT (with its audit
 * entry), FAILED (5xx: the address is suppressed as a hard bounce) or UNCERTAIN (the connection
 * broke after the data) committed. When SMTP cannot be reached and the message certainly did not
 * go, the claim is given back and the step fails; a restart sends it.
 */
@Named
@Dependent
public class NoticeWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject MailGateway mail;
  @Inject ConsentChecks consent;
  @Inject AuditJournal audit;

  @Inject @BatchProperty String kind;
  @Inject @BatchProperty String reference;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    NoticeKind notice = NoticeKind.valueOf(kind);
    try (Connection connection = database.connect()) {
      for (Object item : items) {
        deliver(connection, notice, (NoticeMessage) item);
      }
    }
  }

  private void deliver(Connection connection, NoticeKind notice, NoticeMessage message)
      throws SQLException, MailUnavailableException {
    if (!NoticeDeliveries.claim(
        connection, notice, reference, message.customerId(), job.getExecutionId(), Instant.now())) {
      return;
    }
    try {
      String messageId = mail.send(message.mail());
      settle(connection, notice, message, DeliveryStatus.SENT, messageId, "EMAIL_SENT");
    } catch (MailRejectedException e) {
      consent.suppressHardBounce(connection, message.addressIndex());
      settle(
          connection, notice, message, DeliveryStatus.FAILED, "SMTP " + e.code(), "EMAIL_REJECTED");
    } catch (MailUnavailableException e) {
      if (!e.possiblyDelivered()) {
        NoticeDeliveries.release(connection, notice, reference, message.customerId());
        throw e;
      }
      settle(
          connection, notice, message, DeliveryStatus.UNCERTAIN, e.getMessage(), "EMAIL_UNCERTAIN");
    }
  }

  private void settle(
      Connection connection,
      NoticeKind notice,
      NoticeMessage message,
      DeliveryStatus status,
      String detail,
      String action)
      throws SQLException {
    JobDatabase.inTransaction(
        connection,
        () -> {
          NoticeDeliveries.settle(
              connection, notice, reference, message.customerId(), status, detail);
          audit.append(
              connection,
              AuditTrail.SYSTEM_ACTOR,
              action,
              message.customerId(),
              notice.label()
                  + " "
                  + reference
                  + (status == DeliveryStatus.SENT ? ": " + detail : ""));
        });
  }
}
