package app.custodian.retention.boundary;

import app.custodian.jobs.boundary.JobReport;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.retention.control.PurgeReceipts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * The receipt of a retention purge: the customers it purged (or, in a dry run, would purge) and the
 * rule that applied to each.
 */
@ApplicationScoped
public class PurgeReport implements JobReport {

  /** The report as the executions API shows it. */
  public record Report(boolean dryRun, int count, List<PurgeReceipts.Item> customers) {}

  @Inject JobDatabase database;

  @Override
  public String jobName() {
    return RetentionPurgeJob.NAME;
  }

  @Override
  public Report report(List<Long> executionIds, Properties parameters) {
    boolean dryRun = Boolean.parseBoolean(parameters.getProperty(RetentionPurgeJob.DRY_RUN));
    try (Connection connection = database.connect()) {
      List<PurgeReceipts.Item> items = PurgeReceipts.of(connection, executionIds, dryRun);
      return new Report(dryRun, items.size(), items);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the purge receipts", e);
    }
  }
}
