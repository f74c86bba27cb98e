package app.custodian.returns.boundary;

import app.custodian.jobs.boundary.JobReport;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.returns.control.ReturnedMail.Kind;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;

/**
 * What a {@code mail-returns} run did: emails read, and the returns it recorded and acted on by
 * kind (an email recorded before, read again after a crash, counts as read only). The kinds are
 * counted in {@code mail_return} (its {@code execution_id}, written with the actions), so a run
 * killed after a chunk's commit but before the batch checkpoint still counts that chunk; the emails
 * read come from the checkpointed tally.
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

  @Inject JobDatabase database;

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
    HashMap<String, Long> recorded = recorded(executionIds);
    long acted = recorded.values().stream().mapToLong(Long::longValue).sum();
    recorded.put(ReturnTally.READ, Math.max(counts.getOrDefault(ReturnTally.READ, 0L), acted));
    return of(recorded);
  }

  /** The returns these executions recorded, by kind. */
  private HashMap<String, Long> recorded(List<Long> executionIds) {
    HashMap<String, Long> counts = new HashMap<>();
    if (executionIds.isEmpty()) {
      return counts;
    }
    String marks = String.join(", ", Collections.nCopies(executionIds.size(), "?"));
    try (Connection connection = database.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "select kind, count(*) from mail_return where execution_id in ("
                    + marks
                    + ") group by kind")) {
      for (int i = 0; i < executionIds.size(); i++) {
        query.setLong(i + 1, executionIds.get(i));
      }
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          counts.put(row.getString(1), row.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the returns of the run", e);
    }
    return counts;
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
