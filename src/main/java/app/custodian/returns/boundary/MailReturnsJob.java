package app.custodian.returns.boundary;

/** The {@code mail-returns} job (batch-jobs/mail-returns.xml). */
public final class MailReturnsJob {

  public static final String NAME = "mail-returns";

  private MailReturnsJob() {}
}
