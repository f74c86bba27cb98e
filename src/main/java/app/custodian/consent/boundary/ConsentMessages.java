package app.custodian.consent.boundary;

import app.custodian.consent.control.Texts;
import app.custodian.consent.entity.ConsentConfirmation;
import app.custodian.consent.entity.ConsentEmailKind;
import app.custodian.consent.entity.Purpose;
import app.custodian.customer.boundary.Recipient;
import app.custodian.mail.boundary.MailGateway;
import app.custodian.mail.control.MailCategory;
import app.custodian.mail.control.MailTemplates;
import app.custodian.mail.control.OutboundMail;
import app.custodian.mail.control.RenderedContent;
import app.custodian.mail.control.UnsubscribeLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The confirmation emails of the ledger. Both are service notices: never labelled as advertising,
 * never selling anything. A grant's confirmation carries the unsubscribe headers of its purpose; an
 * unsubscribe's confirmation carries none, there being nothing left to leave.
 */
@ApplicationScoped
public class ConsentMessages {

  @Inject MailGateway mail;
  @Inject ConsentLinks links;

  public OutboundMail compose(ConsentEmailKind kind, Purpose purpose, Recipient recipient) {
    String locale = recipient.locale();
    UnsubscribeLinks unsubscribe = links.forPurpose(recipient.customerId(), purpose);
    RenderedContent content =
        MailTemplates.load(template(kind), locale)
            .render(
                Map.of(
                    "fullName", recipient.fullName(),
                    "purposeName", Texts.of(locale).purpose(purpose),
                    "companyName", mail.sender().companyName(),
                    "unsubscribeUrl", unsubscribe.url(),
                    "preferencesUrl", unsubscribe.preferencesUrl()));
    return mail.composer()
        .compose(
            recipient.email(),
            locale,
            content,
            MailCategory.SERVICE,
            kind == ConsentEmailKind.GRANTED ? unsubscribe : null)
        .about(recipient.customerId());
  }

  /**
   * The email with the link that confirms what the person ticked on the preference page: a service
   * message to their own address, with nothing to unsubscribe from.
   */
  public OutboundMail askToConfirm(ConsentConfirmation confirmation, Recipient recipient) {
    String locale = recipient.locale();
    Texts texts = Texts.of(locale);
    List<Map<String, String>> purposes =
        confirmation.purposes().stream().map(p -> Map.of("name", texts.purpose(p))).toList();
    RenderedContent content =
        MailTemplates.load("consent-confirm", locale)
            .render(
                Map.of(
                    "fullName", recipient.fullName(),
                    "purposes", purposes,
                    "companyName", mail.sender().companyName(),
                    "confirmUrl",
                        links.confirmationUrl(recipient.customerId(), confirmation.id())));
    return mail.composer()
        .compose(recipient.email(), locale, content, MailCategory.SERVICE, null)
        .about(recipient.customerId());
  }

  private static String template(ConsentEmailKind kind) {
    return kind == ConsentEmailKind.GRANTED ? "consent-granted" : "consent-withdrawn";
  }
}
