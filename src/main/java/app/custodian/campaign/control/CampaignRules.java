package app.custodian.campaign.control;

import app.custodian.campaign.entity.CampaignContent;
import app.custodian.consent.entity.Purpose;
import app.custodian.mail.control.MailTemplate;
import app.custodian.platform.control.FieldError;
import app.custodian.platform.control.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What makes a campaign sendable; everything else is Bean Validation on the input. */
public final class CampaignRules {

  /** The purposes a campaign may serve; renewal reminders and sharing have their own flows. */
  public static final Set<Purpose> CAMPAIGN_PURPOSES = Set.of(Purpose.NEWSLETTER, Purpose.SURVEY);

  static final String UNSUBSCRIBE_VARIABLE = "unsubscribeUrl";

  private CampaignRules() {}

  /**
   * The campaign's content once its purpose, label and templates are valid.
   *
   * @param purposeName null for {@code NEWSLETTER}
   * @param advertising null for "advertising when the purpose is NEWSLETTER"
   * @throws ProblemException 400 naming every invalid field
   */
  public static CampaignContent content(
      String name,
      String purposeName,
      Boolean advertising,
      String subject,
      String textBody,
      String htmlBody) {
    List<FieldError> errors = new ArrayList<>();
    Purpose purpose =
        purposeName == null
            ? Purpose.NEWSLETTER
            : Purpose.parse(purposeName).filter(CAMPAIGN_PURPOSES::contains).orElse(null);
    if (purpose == null) {
      errors.add(new FieldError("purpose", "must be NEWSLETTER or SURVEY"));
    }
    boolean advertises = advertising == null ? purpose == Purpose.NEWSLETTER : advertising;
    if (advertises && purpose != null && purpose != Purpose.NEWSLETTER) {
      // Decree 13 art. 21: advertising needs consent to marketing, which is NEWSLETTER
      errors.add(new FieldError("advertising", "advertising needs the purpose NEWSLETTER"));
    }
    checkTemplates(subject, textBody, htmlBody, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new CampaignContent(name, purpose, advertises, subject, textBody, htmlBody);
  }

  /**
   * Whether a saved campaign may be sent as the rules stand now: one saved before a rule that it
   * breaks may not.
   *
   * @throws ProblemException 409 naming every field at fault, as creating it would
   */
  public static void checkSendable(CampaignContent content) {
    List<FieldError> errors = new ArrayList<>();
    checkTemplates(content.subject(), content.textBody(), content.htmlBody(), errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(
          409,
          "Conflict",
          "The campaign breaks the template rules and cannot be sent; write a new one",
          errors,
          Map.of());
    }
  }

  private static void checkTemplates(
      String subject, String textBody, String htmlBody, List<FieldError> errors) {
    MailTemplate compiledSubject = compiles("subject", subject, errors);
    MailTemplate text = compiles("textBody", textBody, errors);
    MailTemplate html = htmlBody == null ? null : compiles("htmlBody", htmlBody, errors);
    if (compiledSubject != null) {
      safe("subject", TemplateSafety.textProblems(subject), errors);
    }
    if (text != null) {
      safe("textBody", TemplateSafety.textProblems(textBody), errors);
      if (!text.uses(UNSUBSCRIBE_VARIABLE)) {
        errors.add(unsubscribeMissing("textBody"));
      }
    }
    if (html != null) {
      safe("htmlBody", TemplateSafety.htmlProblems(htmlBody), errors);
      if (!html.uses(UNSUBSCRIBE_VARIABLE)) {
        errors.add(unsubscribeMissing("htmlBody"));
      }
    }
  }

  private static void safe(String field, List<String> problems, List<FieldError> errors) {
    problems.forEach(problem -> errors.add(new FieldError(field, problem)));
  }

  /** Compiles one part on its own, as the text body of a template, to name the field at fault. */
  private static MailTemplate compiles(String field, String source, List<FieldError> errors) {
    if (source == null) {
      return null; // Bean Validation names it
    }
    try {
      return MailTemplate.of("", source, null);
    } catch (IllegalArgumentException e) {
      errors.add(
          new FieldError(field, e.getMessage().replace("The text template", "The template")));
      return null;
    }
  }

  private static FieldError unsubscribeMissing(String field) {
    return new FieldError(
        field,
        "must show {{unsubscribeUrl}} outside any section: every campaign email carries its"
            + " unsubscribe link");
  }
}
