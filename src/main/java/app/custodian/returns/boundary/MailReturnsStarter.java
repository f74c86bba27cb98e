package app.custodian.returns.boundary;

import app.custodian.jobs.boundary.JobRuns;
import app.custodian.platform.control.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;

/** Starts {@code mail-returns} at a staff member's request. */
@ApplicationScoped
public class MailReturnsStarter {

  @Inject JobRuns runs;
  @Inject ReturnSettings settings;

  /**
   * @return the execution id
   * @throws ProblemException 409 while a run is going on, or when no returns mailbox is set
   */
  public long start() {
    if (settings.mailbox().isEmpty()) {
      throw ProblemException.conflict(
          "No returns mailbox is configured: set CUSTODIAN_RETURNS_MAILBOX to read bounces,"
              + " complaints and mailto unsubscribes");
    }
    return runs.startByStaff(MailReturnsJob.NAME, new Properties(), MailReturnsJob.NAME);
  }
}
