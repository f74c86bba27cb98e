package app.custodian.campaign.boundary;

import app.custodian.campaign.entity.CampaignContent;
import app.custodian.consent.boundary.ConsentLinks;
import app.custodian.customer.boundary.Recipient;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.ListId;
import app.custodian.mail.control.MailTemplate;
import app.custodian.mail.control.OutboundMail;
import app.custodian.mail.control.UnsubscribeLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;

/**
 * A campaign's message as one recipient gets it: the template filled with their name and personal
 * links, then labelled ([QC]) and given the footer. The {@code newsletter-send} job and the
 * portal's preview (for a made-up recipient) both render through here.
 */
@ApplicationScoped
public class CampaignRendering {

  /** The made-up person of a preview: never a real customer, so anyone may see it. */
  static final Recipient SAMPLE =
      new Recipient(
          "00000000-0000-4000-8000-000000000000",
          "Nguyễn Văn A",
          "nguyen.van.a@example.invalid",
          "",
          "vi");

  @Inject ConsentLinks links;
  @Inject MailGateway mail;

  /**
   * The campaign's message to the recipient, with the {@code List-Id} (RFC 2919) of its purpose:
   * the list is the purpose people subscribed to (every newsletter, say), not one mailing, so the
   * identifier stays the same from one campaign to the next and a receiver's filter keeps working.
   */
  public OutboundMail render(CampaignContent content, MailTemplate template, Recipient recipient) {
    String purpose = content.purpose().name().toLowerCase(Locale.ROOT).replace('_', '-');
    return compose(content, template, recipient)
        .withHeader(
            "List-Id",
            ListId.of(mail.sender().companyName() + " " + purpose, purpose, links.base()));
  }

  private OutboundMail compose(
      CampaignContent content, MailTemplate template, Recipient recipient) {
    UnsubscribeLinks personal = links.forPurpose(recipient.customerId(), content.purpose());
    var rendered =
        template.render(
            Map.of(
                "fullName", recipient.fullName(),
                "unsubscribeUrl", personal.url(),
                "preferencesUrl", personal.preferencesUrl()));
    return mail.composer()
        .compose(recipient.email(), recipient.locale(), rendered, content.category(), personal)
        .about(recipient.customerId());
  }

  /**
   * The input's message as {@link #SAMPLE} would get it.
   *
   * @throws app.custodian.platform.control.ProblemException 400 as creating it would answer
   */
  public OutboundMail preview(CampaignInput input) {
    CampaignContent content = input.content();
    return compose(content, content.template(), SAMPLE);
  }
}
