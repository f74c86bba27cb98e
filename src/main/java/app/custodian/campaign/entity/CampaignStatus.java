package app.custodian.campaign.entity;

/** Where a campaign stands: written, being sent, sent (with any deferred recipients), or failed. */
public enum CampaignStatus {
  DRAFT,
  SENDING,
  SENT,
  FAILED
}
