package app.custodian.renewal.boundary;

/** The {@code renewal-reminders} job: it takes no parameters; "today" is in CUSTODIAN_ZONE. */
public final class RenewalRemindersJob {

  public static final String NAME = "renewal-reminders";

  private RenewalRemindersJob() {}
}
