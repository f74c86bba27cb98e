package app.custodian.campaign.control;

import app.custodian.campaign.entity.Campaign;
import app.custodian.campaign.entity.CampaignContent;
import app.custodian.campaign.entity.Unreached;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution of the {@code newsletter-send} job: the campaign as the run's start read it (the
 * one read of its row per run; every step takes it from here), and, once its last step has counted,
 * whom the run left without a message.
 */
public final class CampaignRun {

  private final Campaign campaign;
  private final CampaignContent content;
  private volatile Unreached unreached;

  public CampaignRun(Campaign campaign) {
    this.campaign = Objects.requireNonNull(campaign, "campaign");
    this.content = campaign.content();
  }

  public Campaign campaign() {
    return campaign;
  }

  public String campaignId() {
    return campaign.id();
  }

  public CampaignContent content() {
    return content;
  }

  /** The run went through every eligible customer and counted those it left. */
  public void counted(Unreached unreached) {
    this.unreached = Objects.requireNonNull(unreached, "unreached");
  }

  /** Empty until the run has gone through every eligible customer. */
  public Optional<Unreached> unreached() {
    return Optional.ofNullable(unreached);
  }
}
