package app.custodian.renewal.boundary.batch;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.jobs.control.JobNodes;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.renewal.control.Reminders;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;

/** First step of every run: reminders an earlier run left in flight become UNCERTAIN. */
@Named
@Dependent
public class ReminderRunStart extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject AuditJournal audit;

  @Override
  public String process() throws Exception {
    try (Connection connection = database.connect()) {
      // a runner taken for dead must not call its successor's messages in flight uncertain
      JobDatabase.inTransaction(
          connection,
          () -> {
            JobNodes.fence(connection, job.getExecutionId());
            int uncertain = Reminders.markInFlightUncertain(connection, job.getExecutionId());
            if (uncertain > 0) {
              audit.append(
                  connection,
                  AuditTrail.SYSTEM_ACTOR,
                  "REMINDERS_UNCERTAIN",
                  null,
                  uncertain
                      + " renewal reminders in flight before execution "
                      + job.getExecutionId());
            }
          });
    }
    return "COMPLETED";
  }
}
