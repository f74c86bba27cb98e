package app.custodian.campaign.boundary.batch;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.campaign.boundary.NewsletterSendJob;
import app.custodian.campaign.control.CampaignRow;
import app.custodian.campaign.control.CampaignRules;
import app.custodian.campaign.control.CampaignRun;
import app.custodian.campaign.entity.Campaign;
import app.custodian.campaign.entity.Unreached;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The campaign's status follows its job: SENDING by this execution when a run starts (a restart
 * through the jobs API included), SENT when it ends having counted whom it left (its last step),
 * else FAILED. The start reads the campaign, once per run, for every step ({@link #run}).
 */
@Named
@Dependent
public class CampaignRunListener implements JobListener {

  @Inject
  @BatchProperty(name = NewsletterSendJob.CAMPAIGN_ID)
  String campaignId;

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject AuditJournal audit;

  /** The run that this execution's start read, for its steps. */
  static CampaignRun run(JobContext job) {
    if (job.getTransientUserData() instanceof CampaignRun run) {
      return run;
    }
    throw new IllegalStateException("The run of execution " + job.getExecutionId() + " not read");
  }

  @Override
  public void beforeJob() throws Exception {
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      try {
        CampaignRun run = new CampaignRun(start(connection));
        connection.commit();
        job.setTransientUserData(run);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private Campaign start(Connection connection) throws SQLException {
    Campaign campaign = CampaignRow.lock(connection, campaignId);
    // a restart through the jobs API does not pass CampaignService: fail before anyone is mailed
    CampaignRules.checkSendable(campaign.content());
    Long before = campaign.executionId();
    campaign.runStarted(job.getExecutionId());
    CampaignRow.save(connection, campaign, before);
    return campaign;
  }

  @Override
  public void afterJob() throws Exception {
    if (!(job.getTransientUserData() instanceof CampaignRun run)) {
      return; // it never started: the campaign is as it was
    }
    long executionId = job.getExecutionId();
    Campaign campaign = run.campaign();
    Optional<Unreached> unreached = run.unreached();
    if (unreached.isPresent()) {
      campaign.sent(executionId, unreached.get(), Instant.now());
    } else {
      campaign.failed();
    }
    try (Connection connection = database.connect()) {
      JobDatabase.inTransaction(
          connection,
          () -> {
            boolean stillOurs = CampaignRow.save(connection, campaign, executionId);
            if (stillOurs && unreached.isPresent()) {
              audit.append(
                  connection,
                  AuditTrail.SYSTEM_ACTOR,
                  "CAMPAIGN_SENT",
                  null,
                  "campaign %s: no consent %d, suppressed %d, deferred %d"
                      .formatted(
                          campaign.id(),
                          unreached.get().skippedNoConsent(),
                          unreached.get().skippedSuppressed(),
                          unreached.get().deferred()));
            }
          });
    }
  }
}
