package app.custodian.campaign.boundary;

import app.custodian.jobs.boundary.JobRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends a campaign for the API and the portal alike. Not transactional itself: the job starts only
 * after the campaign's state has committed.
 */
@ApplicationScoped
public class NewsletterSendStarter {

  @Inject CampaignService campaigns;
  @Inject JobRuns jobs;

  /**
   * @return the execution id of the {@code newsletter-send} run
   * @throws app.custodian.platform.control.ProblemException 404, or 409 while it is being sent
   */
  public long send(String id) {
    campaigns.startSending(id);
    return startJob(id);
  }

  /** Gives up the uncertain messages and sends again, so those people get it (maybe twice). */
  public long resendUncertain(String id) {
    campaigns.releaseUncertain(id);
    campaigns.startSending(id);
    return startJob(id);
  }

  private long startJob(String id) {
    long executionId;
    try {
      executionId = jobs.start(NewsletterSendJob.NAME, NewsletterSendJob.parameters(id));
    } catch (RuntimeException e) {
      campaigns.couldNotStart(id);
      throw e;
    }
    campaigns.sendingBy(id, executionId);
    return executionId;
  }
}
