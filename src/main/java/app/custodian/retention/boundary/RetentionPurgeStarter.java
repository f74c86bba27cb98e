package app.custodian.retention.boundary;

import app.custodian.jobs.boundary.JobRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;

/** Starts {@code retention-purge} at a staff member's request, for the API and the portal. */
@ApplicationScoped
public class RetentionPurgeStarter {

  @Inject JobRuns runs;

  /**
   * @param dryRun delete nothing, only report who would go and by which rule
   * @return the execution id
   * @throws app.custodian.platform.control.ProblemException 409 while a run is going on
   */
  public long start(boolean dryRun) {
    Properties parameters = new Properties();
    parameters.setProperty(RetentionPurgeJob.DRY_RUN, String.valueOf(dryRun));
    return runs.startByStaff(
        RetentionPurgeJob.NAME, parameters, RetentionPurgeJob.NAME + (dryRun ? " (dry run)" : ""));
  }
}
