package app.custodian.security.boundary.batch;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.security.boundary.PiiReencryptJob;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.util.logging.Logger;

/** One audit entry per execution of pii-reencrypt, with its counts; and the same in the log. */
@Named
@Dependent
public class ReencryptionAudit implements StepListener {

  private static final Logger LOG = Logger.getLogger(ReencryptionAudit.class.getName());

  @Inject JobContext job;
  @Inject StepContext step;
  @Inject JobDatabase database;
  @Inject AuditJournal journal;

  @Override
  public void beforeStep() {}

  @Override
  public void afterStep() throws Exception {
    String detail =
        "execution "
            + job.getExecutionId()
            + " "
            + step.getBatchStatus()
            + " read "
            + count(Metric.MetricType.READ_COUNT)
            + " rewritten "
            + count(Metric.MetricType.WRITE_COUNT)
            + " current "
            + count(Metric.MetricType.FILTER_COUNT);
    LOG.info(() -> PiiReencryptJob.NAME + " " + detail);
    try (Connection connection = database.connect()) {
      journal.append(connection, PiiReencryptJob.ACTOR, "PII_REENCRYPTED", null, detail);
    }
  }

  private long count(Metric.MetricType type) {
    for (Metric metric : step.getMetrics()) {
      if (metric.getType() == type) {
        return metric.getValue();
      }
    }
    return 0;
  }
}
