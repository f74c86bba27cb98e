package app.custodian.campaign.boundary;

import app.custodian.campaign.control.CampaignRules;
import app.custodian.campaign.entity.CampaignContent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A new campaign as marketing writes it; bodies are Mustache templates. */
public class CampaignInput implements Serializable {

  private static final long serialVersionUID = 1L;

  @NotBlank
  @Size(max = 200)
  public String name;

  /** {@code NEWSLETTER} (the default) or {@code SURVEY}: whose consent counts. */
  public String purpose;

  @NotBlank
  @Size(max = 300)
  public String subject;

  @NotBlank
  @Size(max = 100_000)
  public String textBody;

  @Size(max = 200_000)
  public String htmlBody;

  /** Labelled {@code [QC]} and capped per 24 hours; defaults to true for NEWSLETTER. */
  public Boolean advertising;

  // properties for the portal's forms (Faces binds through them)
  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getTextBody() {
    return textBody;
  }

  public void setTextBody(String textBody) {
    this.textBody = textBody;
  }

  public String getHtmlBody() {
    return htmlBody;
  }

  public void setHtmlBody(String htmlBody) {
    this.htmlBody = htmlBody;
  }

  public Boolean getAdvertising() {
    return advertising;
  }

  public void setAdvertising(Boolean advertising) {
    this.advertising = advertising;
  }

  /**
   * The content once its purpose, label and templates are valid; a missing name counts as empty
   * (Bean Validation names it).
   *
   * @throws app.custodian.platform.control.ProblemException 400 naming every invalid field
   */
  public CampaignContent content() {
    return CampaignRules.content(
        name == null ? "" : name.strip(), purpose, advertising, subject, textBody, htmlBody);
  }
}
