package app.custodian.campaign.boundary.batch;

import app.custodian.campaign.boundary.CampaignMetrics;
import app.custodian.campaign.boundary.CampaignRendering;
import app.custodian.campaign.control.Audience;
import app.custodian.campaign.control.CampaignMessage;
import app.custodian.campaign.entity.CampaignContent;
import app.custodian.consent.boundary.ConsentChecks;
import app.custodian.customer.boundary.Recipient;
import app.custodian.customer.boundary.Recipients;
import app.custodian.mail.control.MailTemplate;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides, at this moment, whether the customer gets the campaign: still there, consent still
 * granted, address not suppressed, and (for advertising) under the rolling 24-hour cap; then
 * renders their message. A customer over the cap is left for a later run, never dropped.
 */
@Named
@Dependent
public class CampaignMessageProcessor implements ItemProcessor {

  @Inject
  @ConfigProperty(name = Audience.CAP_PROPERTY, defaultValue = Audience.DEFAULT_CAP)
  int advertisingCap;

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject Recipients recipients;
  @Inject ConsentChecks consent;
  @Inject CampaignRendering rendering;
  @Inject CampaignMetrics metrics;

  private CampaignContent content;
  private MailTemplate template;

  @Override
  public Object processItem(Object item) throws Exception {
    String customerId = (String) item;
    if (content == null) {
      content = CampaignRunListener.run(job).content();
      template = content.template();
    }
    try (Connection connection = database.connect()) {
      Optional<Recipient> recipient = recipients.read(connection, customerId);
      if (recipient.isEmpty()) {
        return skip("gone");
      }
      ConsentChecks.Permission permission =
          consent.permission(
              connection, customerId, recipient.get().emailIndex(), content.purpose());
      if (permission.grantingEvent() == null) {
        return skip("skipped_no_consent");
      }
      if (permission.suppressedAs() != null) {
        return skip("skipped_suppressed");
      }
      if (overCap(connection, customerId)) {
        return skip("deferred");
      }
      return new CampaignMessage(
          customerId,
          recipient.get().emailIndex(),
          permission.grantingEvent(),
          rendering.render(content, template, recipient.get()));
    }
  }

  private boolean overCap(Connection connection, String customerId) throws SQLException {
    return content.advertising()
        && Audience.overCap(connection, customerId, advertisingCap, Instant.now());
  }

  private Object skip(String outcome) {
    metrics.count(outcome);
    return null;
  }
}
