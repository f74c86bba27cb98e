package app.custodian.security.boundary;

/** The {@code pii-reencrypt} job: its name and parameters (never personal data). */
public final class PiiReencryptJob {

  public static final String NAME = "pii-reencrypt";

  /** Who the job's audit entry names. */
  public static final String ACTOR = "pii-reencrypt";

  private PiiReencryptJob() {}
}
