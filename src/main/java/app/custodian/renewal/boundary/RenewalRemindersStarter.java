package app.custodian.renewal.boundary;

import app.custodian.jobs.boundary.JobRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;

/** Starts {@code renewal-reminders} at a staff member's request, for the API and the portal. */
@ApplicationScoped
public class RenewalRemindersStarter {

  @Inject JobRuns runs;

  /**
   * @return the execution id
   * @throws app.custodian.platform.control.ProblemException 409 while a run is going on
   */
  public long start() {
    return runs.startByStaff(RenewalRemindersJob.NAME, new Properties(), RenewalRemindersJob.NAME);
  }
}
