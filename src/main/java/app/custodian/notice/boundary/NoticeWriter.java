package app.custodian.notice.boundary;

import app.custodian.campaign.control.SendPacer;
import app.custodian.campaign.entity.DeliveryStatus;
import app.custodian.notice.control.NoticeDeliveries;
import app.custodian.notice.entity.NoticeKind;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.BatchProperty;
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

/** Sends each notice at most once through its {@code notice_delivery} row ({@link SendOnce}). */
@Named
@Dependent
public class NoticeWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject SendOnce sender;

  private SendPacer pacer;

  @Override
  public void open(Serializable checkpoint) {
    pacer = sender.pacer();
  }

  @Inject @BatchProperty String kind;
  @Inject @BatchProperty String reference;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    NoticeKind notice = NoticeKind.valueOf(kind);
    try (Connection connection = database.connect()) {
      for (Object item : items) {
        NoticeMessage message = (NoticeMessage) item;
        sender.send(
            connection,
            claim(notice, message.customerId()),
            message.mail(),
            message.addressIndex(),
            pacer);
      }
    }
  }

  private SendOnce.Claim claim(NoticeKind notice, String customerId) {
    return new SendOnce.Claim() {
      @Override
      public boolean take(Connection connection) throws SQLException {
        return NoticeDeliveries.claim(
            connection, notice, reference, customerId, job.getExecutionId(), Instant.now());
      }

      @Override
      public void settle(Connection connection, DeliveryStatus status, String detail)
          throws SQLException {
        NoticeDeliveries.settle(connection, notice, reference, customerId, status, detail);
      }

      @Override
      public void release(Connection connection) throws SQLException {
        NoticeDeliveries.release(connection, notice, reference, customerId);
      }

      @Override
      public String customerId() {
        return customerId;
      }

      @Override
      public String auditDetail() {
        return notice.label() + " " + reference;
      }
    };
  }
}
