package app.custodian.campaign.boundary.batch;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.campaign.control.Deliveries;
import app.custodian.jobs.control.JobNodes;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;

/**
 * First step of every run, a restart included, once {@link CampaignRunListener} has marked the
 * campaign SENDING by this execution: what an earlier run left in flight becomes UNCERTAIN (never
 * re-sent silently).
 */
@Named
@Dependent
public class CampaignRunStart extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject AuditJournal audit;

  @Override
  public String process() throws Exception {
    String campaignId = CampaignRunListener.run(job).campaignId();
    try (Connection connection = database.connect()) {
      JobDatabase.inTransaction(
          connection,
          () -> {
            // a runner taken for dead must not call its successor's messages in flight uncertain
            JobNodes.fence(connection, job.getExecutionId());
            int uncertain = Deliveries.markInFlightUncertain(connection, campaignId);
            audit.append(
                connection,
                AuditTrail.SYSTEM_ACTOR,
                "CAMPAIGN_RUN_STARTED",
                null,
                "campaign "
                    + campaignId
                    + " execution "
                    + job.getExecutionId()
                    + (uncertain > 0 ? ", " + uncertain + " in flight before now uncertain" : ""));
          });
    }
    return "COMPLETED";
  }
}
