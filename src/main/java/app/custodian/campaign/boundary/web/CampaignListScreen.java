package app.custodian.campaign.boundary.web;

import app.custodian.campaign.boundary.CampaignInput;
import app.custodian.campaign.boundary.CampaignRendering;
import app.custodian.campaign.boundary.CampaignService;
import app.custodian.campaign.boundary.CampaignView;
import app.custodian.mail.control.OutboundMail;
import app.custodian.platform.boundary.web.PagedModel;
import app.custodian.platform.boundary.web.PortalMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * {@code /campaigns/list.xhtml}: the campaigns, newest first, and a form to write a new one with a
 * live preview for a made-up recipient (marketing never sees a real customer's data).
 */
@Named
@ViewScoped
public class CampaignListScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CampaignService campaigns;
  @Inject CampaignRendering rendering;
  @Inject PortalMessages messages;

  private final PagedModel<CampaignView> model =
      new PagedModel<>(page -> campaigns.list(page), CampaignView::id);
  private final CampaignInput input = fresh();
  private transient OutboundMail preview;

  public PagedModel<CampaignView> getModel() {
    return model;
  }

  public CampaignInput getInput() {
    return input;
  }

  public OutboundMail getPreview() {
    return preview;
  }

  /** Renders the form as the sample recipient would get it; template errors show by their field. */
  public void preview() {
    preview = null;
    if (isBlank(input.subject) || isBlank(input.textBody)) {
      return; // nothing to show yet; Bean Validation speaks on create
    }
    normalise();
    preview = messages.attempt(() -> rendering.preview(input)).orElse(null);
  }

  /** Creates the campaign as the API would, then opens it. */
  public String create() {
    normalise();
    Optional<CampaignView> created =
        messages.valid(input) ? messages.attempt(() -> campaigns.create(input)) : Optional.empty();
    return created.map(c -> "/campaigns/detail?faces-redirect=true&id=" + c.id()).orElse(null);
  }

  /** An empty HTML field means a text-only campaign, not an HTML body without a link. */
  private void normalise() {
    if (isBlank(input.htmlBody)) {
      input.htmlBody = null;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static CampaignInput fresh() {
    CampaignInput input = new CampaignInput();
    input.purpose = "NEWSLETTER";
    input.advertising = true;
    return input;
  }
}
