package app.custodian.privacy.entity;

/** The emails that tell the person about their request; each names its template. */
public enum PrivacyEmailKind {
  /** The request was received; carries a fresh one-time code. */
  ACKNOWLEDGEMENT("privacy-acknowledgement"),
  /** The public form's verification link. */
  LINK("privacy-link"),
  /** The deadline was extended, and why. */
  EXTENDED("privacy-extended"),
  /** The request was refused, and why. */
  REFUSED("privacy-refused"),
  /** The request was fulfilled. */
  COMPLETED("privacy-completed");

  private final String template;

  PrivacyEmailKind(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }
}
