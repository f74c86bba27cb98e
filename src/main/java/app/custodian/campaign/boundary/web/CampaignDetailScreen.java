package app.custodian.campaign.boundary.web;

import app.custodian.campaign.boundary.CampaignService;
import app.custodian.campaign.boundary.CampaignView;
import app.custodian.campaign.boundary.NewsletterSendStarter;
import app.custodian.platform.boundary.web.PortalMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * {@code /campaigns/detail.xhtml?id=}: one campaign, how many would get it now (a number, never
 * who), sending it, its progress while it goes, and resending what a dead run left uncertain.
 */
@Named
@ViewScoped
public class CampaignDetailScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CampaignService campaigns;
  @Inject NewsletterSendStarter sending;
  @Inject PortalMessages messages;

  private String id;
  private CampaignView campaign;
  private Long audience;

  /** The view action: reads the campaign and counts its audience. */
  public void load() {
    campaign = messages.attempt(() -> campaigns.read(id)).orElse(null);
    // not while it is sent: the poll would count the whole audience every two seconds
    audience = campaign == null || isSending() ? null : campaigns.audience(id);
  }

  /** The poll's listener: the campaign's status and figures as they are now. */
  public void refresh() {
    load();
  }

  public void send() {
    messages
        .attempt(() -> sending.send(id))
        .ifPresent(execution -> messages.info("campaigns.sendStarted", execution));
    load();
  }

  public void resendUncertain() {
    messages
        .attempt(() -> sending.resendUncertain(id))
        .ifPresent(execution -> messages.info("campaigns.resendStarted", execution));
    load();
  }

  public boolean isSending() {
    return campaign != null && "SENDING".equals(campaign.status());
  }

  public boolean isSendable() {
    return campaign != null && !isSending();
  }

  public boolean isUncertain() {
    return campaign != null && !isSending() && campaign.stats().uncertain() > 0;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public CampaignView getCampaign() {
    return campaign;
  }

  public Long getAudience() {
    return audience;
  }
}
