package app.custodian.campaign.boundary.batch;

import app.custodian.campaign.control.CampaignRow;
import app.custodian.campaign.control.CampaignRun;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;

/**
 * Last step: counts who got no message and why; with that count, {@link CampaignRunListener} marks
 * the campaign SENT as the run ends.
 */
@Named
@Dependent
public class CampaignTally extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject JobDatabase database;

  @Override
  public String process() throws Exception {
    CampaignRun run = CampaignRunListener.run(job);
    try (Connection connection = database.connect()) {
      run.counted(CampaignRow.tally(connection, run.campaignId(), run.content().purpose()));
    }
    return "COMPLETED";
  }
}
