package app.custodian.campaign.boundary;

import app.custodian.customer.boundary.CustomerDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The campaign messages sent to the person, in their export and their correspondence. */
@ApplicationScoped
public class CampaignMessagesSection implements CustomerDataSection {

  @Inject CampaignService campaigns;

  @Override
  public String name() {
    return "messages";
  }

  @Override
  public List<MessageSent> of(String customerId, String locale) {
    return campaigns.messagesTo(customerId);
  }

  @Override
  public boolean isCorrespondence() {
    return true;
  }
}
