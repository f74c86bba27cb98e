package app.custodian.retention.boundary;

/** The {@code retention-purge} job: its name and parameters (never personal data). */
public final class RetentionPurgeJob {

  public static final String NAME = "retention-purge";

  /** {@code true}: delete nothing, only report who would go and by which rule. */
  public static final String DRY_RUN = "dryRun";

  /** The actor of the purge in the audit trail. */
  public static final String ACTOR = "retention-purge";

  private RetentionPurgeJob() {}
}
