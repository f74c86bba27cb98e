package app.custodian.renewal.boundary;

import app.custodian.campaign.control.SendPacer;
import app.custodian.campaign.entity.DeliveryStatus;
import app.custodian.notice.boundary.SendOnce;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.renewal.control.DueContract;
import app.custodian.renewal.control.Reminders;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Sends each reminder at most once through its {@code renewal_reminder} row ({@link SendOnce}); the
 * restarted run, or the next night, sends what SMTP could not take.
 */
@Named
@Dependent
public class ReminderWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject SendOnce sender;

  private SendPacer pacer;

  @Override
  public void open(Serializable checkpoint) {
    pacer = sender.pacer();
  }

  @Override
  public void writeItems(List<Object> items) throws Exception {
    try (Connection connection = database.connect()) {
      for (Object item : items) {
        ReminderMessage message = (ReminderMessage) item;
        sender.send(connection, claim(message), message.mail(), message.addressIndex(), pacer);
      }
    }
  }

  private SendOnce.Claim claim(ReminderMessage message) {
    DueContract contract = message.contract();
    return new SendOnce.Claim() {
      @Override
      public boolean take(Connection connection) throws SQLException {
        return Reminders.claim(
            connection, contract, job.getExecutionId(), message.consentEventId(), Instant.now());
      }

      @Override
      public void settle(Connection connection, DeliveryStatus status, String detail)
          throws SQLException {
        Reminders.settle(connection, contract, status, detail);
      }

      @Override
      public void release(Connection connection) throws SQLException {
        Reminders.release(connection, contract);
      }

      @Override
      public String customerId() {
        return contract.customerId();
      }

      @Override
      public String auditDetail() {
        return "renewal reminder, contract "
            + contract.contractId()
            + ", "
            + contract.offsetDays()
            + " days";
      }
    };
  }
}
