package app.custodian.campaign.control;

import app.custodian.mail.control.OutboundMail;
import java.util.Objects;

/**
 * One rendered campaign message on its way to the writer: the address's blind index (to suppress it
 * on a hard bounce) and the ledger event that allowed it (kept on the delivery row: why did this
 * person get this message).
 */
public record CampaignMessage(
    String customerId, String addressIndex, String consentEventId, OutboundMail mail) {

  public CampaignMessage {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(addressIndex, "addressIndex");
    Objects.requireNonNull(consentEventId, "consentEventId");
    Objects.requireNonNull(mail, "mail");
  }

  @Override
  public String toString() {
    return "CampaignMessage[customerId=" + customerId + "]"; // the mail holds personal data
  }
}
