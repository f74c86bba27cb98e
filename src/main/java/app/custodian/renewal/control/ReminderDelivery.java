package app.custodian.renewal.control;

import app.custodian.delivery.control.Delivery;
import app.custodian.delivery.entity.DeliveryStatus;
import app.custodian.mail.control.OutboundMail;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** A renewal reminder in the delivery pipeline, recorded in its {@code renewal_reminder} row. */
public record ReminderDelivery(
    DueContract contract,
    String consentEventId,
    long executionId,
    String addressIndex,
    OutboundMail mail)
    implements Delivery {

  @Override
  public String customerId() {
    return contract.customerId();
  }

  @Override
  public boolean claim(Connection connection, long messageKey, Instant now) throws SQLException {
    return Reminders.claim(connection, contract, executionId, consentEventId, messageKey, now);
  }

  @Override
  public void settle(Connection connection, DeliveryStatus status, String detail, Instant now)
      throws SQLException {
    Reminders.settle(connection, contract, status, detail, now);
  }

  @Override
  public void release(Connection connection) throws SQLException {
    Reminders.release(connection, contract);
  }

  @Override
  public String auditDetail() {
    return "renewal reminder, contract "
        + contract.contractId()
        + ", "
        + contract.offsetDays()
        + " days";
  }

  @Override
  public String toString() {
    return "ReminderDelivery[contractId=" + contract.contractId() + "]";
  }
}
