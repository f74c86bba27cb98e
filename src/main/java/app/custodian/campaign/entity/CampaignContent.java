package app.custodian.campaign.entity;

import app.custodian.consent.entity.Purpose;
import app.custodian.mail.control.MailCategory;
import app.custodian.mail.control.MailTemplate;
import java.util.Objects;

/**
 * What a campaign says and to whom it may go: the purpose whose consent counts, whether it
 * advertises, and the Mustache templates of its subject and bodies ({@code htmlBody} may be null).
 */
public record CampaignContent(
    String name,
    Purpose purpose,
    boolean advertising,
    String subject,
    String textBody,
    String htmlBody) {

  public CampaignContent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(textBody, "textBody");
  }

  /** The compiled templates; see {@link MailTemplate#of}. */
  public MailTemplate template() {
    return MailTemplate.of(subject, textBody, htmlBody);
  }

  public MailCategory category() {
    return advertising ? MailCategory.ADVERTISING : MailCategory.SERVICE;
  }
}
