package app.custodian.notice.boundary.batch;

import app.custodian.delivery.boundary.DeliveryPipeline;
import app.custodian.delivery.boundary.DeliveryRun;
import app.custodian.notice.control.NoticeDelivery;
import app.custodian.notice.entity.NoticeKind;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Sends a chunk's notices through the delivery pipeline ({@link DeliveryRun}): each at most once
 * through its {@code notice_delivery} row.
 */
@Named
@Dependent
public class NoticeWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject DeliveryPipeline pipeline;

  @Inject @BatchProperty String kind;
  @Inject @BatchProperty String reference;

  private DeliveryRun run;

  @Override
  public void open(Serializable checkpoint) {
    run = pipeline.open("notice", status -> {});
  }

  @Override
  public void writeItems(List<Object> items) throws Exception {
    NoticeKind notice = NoticeKind.valueOf(kind);
    run.send(
        items.stream()
            .map(NoticeMessage.class::cast)
            .map(
                message ->
                    new NoticeDelivery(
                        notice,
                        reference,
                        job.getExecutionId(),
                        message.customerId(),
                        message.addressIndex(),
                        message.mail()))
            .toList());
  }

  @Override
  public void close() {
    if (run != null) {
      run.close();
    }
  }
}
