package app.custodian.returns.boundary;

import app.custodian.jobs.boundary.JobReport;
import app.custodian.returns.control.ReturnedMail.Kind;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;

/**
 * What a {@code mail-returns} run did: emails read, and the returns it recorded and acted on by
 * kind (an email recorded before, read again after a crash, counts as read only).
 */
@ApplicationScoped
public class ReturnsReport implements JobReport {

  /** The report as the executions API shows it. */
  public record Report(
      long read,
      long hardBounces,
      long softBounces,
      long complaints,
      long unsubscribes,
      long autoReplies,
      long unmatched) {}

  @Override
  public String jobName() {
    return MailReturnsJob.NAME;
  }

  @Override
  public Report report(List<Long> executionIds, Properties parameters) {
    // A restart carries on its predecessor's counts: the latest execution that counted has all.
    HashMap<String, Long> counts = new HashMap<>();
    for (long executionId : executionIds) {
      for (StepExecution step : BatchRuntime.getJobOperator().getStepExecutions(executionId)) {
        HashMap<String, Long> persisted = ReturnTally.from(step.getPersistentUserData());
        if (!persisted.isEmpty()) {
          counts = persisted;
        }
      }
    }
    return of(counts);
  }

  static Report of(HashMap<String, Long> counts) {
    return new Report(
        counts.getOrDefault(ReturnTally.READ, 0L),
        count(counts, Kind.HARD_BOUNCE),
        count(counts, Kind.SOFT_BOUNCE),
        count(counts, Kind.COMPLAINT),
        count(counts, Kind.UNSUBSCRIBE),
        count(counts, Kind.AUTO_REPLY),
        count(counts, Kind.UNMATCHED));
  }

  private static long count(HashMap<String, Long> counts, Kind kind) {
    return counts.getOrDefault(ReturnTally.of(kind), 0L);
  }
}
