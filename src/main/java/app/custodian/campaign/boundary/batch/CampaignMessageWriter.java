package app.custodian.campaign.boundary.batch;

import app.custodian.campaign.boundary.CampaignMetrics;
import app.custodian.campaign.boundary.NewsletterSendJob;
import app.custodian.campaign.control.CampaignDelivery;
import app.custodian.campaign.control.CampaignMessage;
import app.custodian.campaign.control.CampaignRow;
import app.custodian.delivery.boundary.DeliveryPipeline;
import app.custodian.delivery.boundary.DeliveryRun;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;

/**
 * Sends a chunk's messages through the delivery pipeline ({@link DeliveryRun}): each at most once
 * per (campaign, customer) through its {@code delivery} row.
 */
@Named
@Dependent
public class CampaignMessageWriter extends AbstractItemWriter {

  @Inject
  @BatchProperty(name = NewsletterSendJob.CAMPAIGN_ID)
  String campaignId;

  @Inject JobDatabase database;
  @Inject DeliveryPipeline pipeline;
  @Inject CampaignMetrics metrics;

  private DeliveryRun run;
  private boolean advertising;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    try (Connection connection = database.connect()) {
      advertising = CampaignRow.content(connection, campaignId).advertising();
    }
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
