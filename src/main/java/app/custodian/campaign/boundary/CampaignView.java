package app.custodian.campaign.boundary;

import app.custodian.campaign.entity.Campaign;
import app.custodian.campaign.entity.CampaignContent;
import java.io.Serializable;
import java.time.Instant;

public record CampaignView(
    String id,
    String name,
    String purpose,
    boolean advertising,
    String subject,
    String textBody,
    String htmlBody,
    String status,
    Instant createdAt,
    String createdBy,
    Long executionId,
    CampaignStats stats)
    implements Serializable {

  static CampaignView of(Campaign campaign, String status, CampaignStats stats) {
    CampaignContent content = campaign.content();
    return new CampaignView(
        campaign.id(),
        content.name(),
        content.purpose().name(),
        content.advertising(),
        content.subject(),
        content.textBody(),
        content.htmlBody(),
        status,
        campaign.createdAt(),
        campaign.createdBy(),
        campaign.executionId(),
        stats);
  }
}
