package app.custodian.notice.entity;

/** What a notice to people is about; its reference is a policy version or an incident id. */
public enum NoticeKind {
  POLICY("policy notice"),
  INCIDENT("breach notice");

  private final String label;

  NoticeKind(String label) {
    this.label = label;
  }

  /** How audit entries name it, followed by the reference. */
  public String label() {
    return label;
  }
}
