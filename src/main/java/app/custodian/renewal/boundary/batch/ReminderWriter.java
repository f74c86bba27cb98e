package app.custodian.renewal.boundary.batch;

import app.custodian.delivery.boundary.DeliveryPipeline;
import app.custodian.delivery.boundary.DeliveryRun;
import app.custodian.renewal.control.ReminderDelivery;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Sends a chunk's reminders through the delivery pipeline ({@link DeliveryRun}): each at most once
 * through its {@code renewal_reminder} row; the restarted run, or the next night, sends what SMTP
 * could not take.
 */
@Named
@Dependent
public class ReminderWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject DeliveryPipeline pipeline;

  private DeliveryRun run;

  @Override
  public void open(Serializable checkpoint) {
    run = pipeline.open("reminder", status -> {});
  }

  @Override
  public void writeItems(List<Object> items) throws Exception {
    run.send(
        items.stream()
            .map(ReminderMessage.class::cast)
            .map(
                message ->
                    new ReminderDelivery(
                        message.contract(),
                        message.consentEventId(),
                        job.getExecutionId(),
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
