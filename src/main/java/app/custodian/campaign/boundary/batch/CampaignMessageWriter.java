package app.custodian.campaign.boundary.batch;

import app.custodian.campaign.boundary.CampaignMetrics;
import app.custodian.campaign.control.CampaignDelivery;
import app.custodian.campaign.control.CampaignMessage;
import app.custodian.campaign.control.CampaignRun;
import app.custodian.delivery.boundary.DeliveryPipeline;
import app.custodian.delivery.boundary.DeliveryRun;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Sends a chunk's messages through the delivery pipeline ({@link DeliveryRun}): each at most once
 * per (campaign, customer) through its {@code delivery} row.
 */
@Named
@Dependent
public class CampaignMessageWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject DeliveryPipeline pipeline;
  @Inject CampaignMetrics metrics;

  private DeliveryRun run;
  private String campaignId;
  private boolean advertising;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    CampaignRun campaign = CampaignRunListener.run(job);
    campaignId = campaign.campaignId();
    advertising = campaign.content().advertising();
    run =
        pipeline.open("campaign", status -> metrics.count(status.name().toLowerCase(Locale.ROOT)));
  }

  @Override
  public void writeItems(List<Object> items) throws Exception {
    run.send(
        items.stream()
            .map(item -> new CampaignDelivery(campaignId, advertising, (CampaignMessage) item))
            .toList());
  }

  @Override
  public void close() {
    if (run != null) {
      run.close();
    }
  }
}
