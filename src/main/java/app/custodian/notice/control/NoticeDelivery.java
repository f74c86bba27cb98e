package app.custodian.notice.control;

import app.custodian.delivery.control.Delivery;
import app.custodian.delivery.entity.DeliveryStatus;
import app.custodian.mail.control.OutboundMail;
import app.custodian.notice.entity.NoticeKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** A notice in the delivery pipeline, recorded in its {@code notice_delivery} row. */
public record NoticeDelivery(
    NoticeKind kind,
    String reference,
    long executionId,
    String customerId,
    String addressIndex,
    OutboundMail mail)
    implements Delivery {

  @Override
  public boolean claim(Connection connection, long messageKey, Instant now) throws SQLException {
    return NoticeDeliveries.claim(
        connection, kind, reference, customerId, executionId, messageKey, now);
  }

  @Override
  public void settle(Connection connection, DeliveryStatus status, String detail, Instant now)
      throws SQLException {
    NoticeDeliveries.settle(connection, kind, reference, customerId, status, detail, now);
  }

  @Override
  public void release(Connection connection) throws SQLException {
    NoticeDeliveries.release(connection, kind, reference, customerId);
  }

  @Override
  public String auditDetail() {
    return kind.label() + " " + reference;
  }

  @Override
  public String toString() {
    return "NoticeDelivery[" + kind + " " + reference + ", customerId=" + customerId + "]";
  }
}
