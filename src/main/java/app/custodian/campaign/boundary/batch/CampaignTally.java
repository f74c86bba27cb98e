package app.custodian.campaign.boundary.batch;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.campaign.boundary.NewsletterSendJob;
import app.custodian.campaign.control.CampaignRow;
import app.custodian.campaign.entity.CampaignContent;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.time.Instant;

/** Last step: counts who got no message and why, and marks the campaign SENT. */
@Named
@Dependent
public class CampaignTally extends AbstractBatchlet {

  @Inject
  @BatchProperty(name = NewsletterSendJob.CAMPAIGN_ID)
  String campaignId;

  @Inject JobDatabase database;
  @Inject AuditJournal audit;

  @Override
  public String process() throws Exception {
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      CampaignContent content = CampaignRow.content(connection, campaignId);
      CampaignRow.Tally tally = CampaignRow.tally(connection, campaignId, content.purpose());
      CampaignRow.sent(connection, campaignId, tally, Instant.now());
      audit.append(
          connection,
          AuditTrail.SYSTEM_ACTOR,
          "CAMPAIGN_SENT",
          null,
          "campaign %s: no consent %d, suppressed %d, deferred %d"
              .formatted(
                  campaignId,
                  tally.skippedNoConsent(),
                  tally.skippedSuppressed(),
                  tally.deferred()));
      connection.commit();
    }
    return "COMPLETED";
  }
}
