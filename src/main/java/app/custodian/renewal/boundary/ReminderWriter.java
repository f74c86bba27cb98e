package app.custodian.renewal.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.campaign.entity.DeliveryStatus;
import app.custodian.consent.boundary.ConsentChecks;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.MailRejectedException;
import app.custodian.mail.control.MailUnavailableException;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.renewal.control.Reminders;
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
 * Sends each reminder once: a PENDING row committed, the SMTP hand-off, then SENT (with its audit
 * entry) committed. When SMTP cannot be reached the claim is given back and the step fails; the
 * restarted run, or the next night, sends it.
 */
@Named
@Dependent
public class ReminderWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject MailGateway mail;
  @Inject ConsentChecks consent;
  @Inject AuditJournal audit;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    try (Connection connection = database.connect()) {
      for (Object item : items) {
        deliver(connection, (ReminderMessage) item);
      }
    }
  }

  private void deliver(Connection connection, ReminderMessage message)
      throws SQLException, MailUnavailableException {
    if (!Reminders.claim(
        connection,
        message.contract(),
        job.getExecutionId(),
        message.consentEventId(),
        Instant.now())) {
      return;
    }
    try {
      String messageId = mail.send(message.mail());
      settle(connection, message, DeliveryStatus.SENT, messageId, "EMAIL_SENT");
    } catch (MailRejectedException e) {
      consent.suppressHardBounce(connection, message.addressIndex());
      settle(connection, message, DeliveryStatus.FAILED, "SMTP " + e.code(), "EMAIL_REJECTED");
    } catch (MailUnavailableException e) {
      if (!e.possiblyDelivered()) {
        Reminders.release(connection, message.contract());
        throw e;
      }
      settle(connection, message, DeliveryStatus.UNCERTAIN, e.getMessage(), "EMAIL_UNCERTAIN");
    }
  }

  private void settle(
      Connection connection,
      ReminderMessage message,
      DeliveryStatus status,
      String detail,
      String action)
      throws SQLException {
    JobDatabase.inTransaction(
        connection,
        () -> {
          Reminders.settle(connection, message.contract(), status, detail);
          audit.append(
              connection,
              AuditTrail.SYSTEM_ACTOR,
              action,
              message.contract().customerId(),
              "renewal reminder, contract "
                  + message.contract().contractId()
                  + ", "
                  + message.contract().offsetDays()
                  + " days"
                  + (status == DeliveryStatus.SENT ? ": " + detail : ""));
        });
  }
}
