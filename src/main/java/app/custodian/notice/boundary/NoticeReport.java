package app.custodian.notice.boundary;

import app.custodian.jobs.boundary.JobReport;
import app.custodian.notice.control.NoticeDeliveries;
import app.custodian.notice.entity.NoticeKind;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a run of a notice job did: its reference, the notices it sent, that failed or are uncertain
 * (from the rows its executions wrote), and how many customers it passed over (the step's filter
 * count: an address that cannot receive mail, or a customer gone meanwhile).
 */
public abstract class NoticeReport implements JobReport {

  /** The step of the notice jobs that sends. */
  public static final String STEP = "notify";

  @Inject JobDatabase database;

  protected abstract NoticeKind kind();

  /** The job parameter that names the notice, which the report repeats. */
  protected abstract String referenceParameter();

  @Override
  public Object report(List<Long> executionIds, Properties parameters) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put(referenceParameter(), parameters.getProperty(referenceParameter()));
    try (Connection connection = database.connect()) {
      report.putAll(NoticeDeliveries.countByStatus(connection, kind(), executionIds));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the notices", e);
    }
    report.put("skipped", skipped(executionIds));
    return report;
  }

  private static long skipped(List<Long> executionIds) {
    long skipped = 0;
    for (long executionId : executionIds) {
      for (StepExecution step : BatchRuntime.getJobOperator().getStepExecutions(executionId)) {
        if (STEP.equals(step.getStepName())) {
          for (Metric metric : step.getMetrics()) {
            if (metric.getType() == Metric.MetricType.FILTER_COUNT) {
              skipped += metric.getValue();
            }
          }
        }
      }
    }
    return skipped;
  }
}
