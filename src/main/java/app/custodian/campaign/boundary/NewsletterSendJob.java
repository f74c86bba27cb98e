package app.custodian.campaign.boundary;

import java.util.Properties;

/** The {@code newsletter-send} job ({@code batch-jobs/newsletter-send.xml}) and its parameters. */
public final class NewsletterSendJob {

  public static final String NAME = "newsletter-send";
  public static final String CAMPAIGN_ID = "campaignId";

  private NewsletterSendJob() {}

  /** Ids only: job parameters never carry personal data. */
  public static Properties parameters(String campaignId) {
    Properties parameters = new Properties();
    parameters.setProperty(CAMPAIGN_ID, campaignId);
    return parameters;
  }
}
