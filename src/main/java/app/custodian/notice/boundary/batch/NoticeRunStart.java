package app.custodian.notice.boundary.batch;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.jobs.control.JobNodes;
import app.custodian.notice.boundary.NoticeTopic;
import app.custodian.notice.boundary.NoticeTopics;
import app.custodian.notice.control.NoticeDeliveries;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;

/**
 * First step of every notice run: the notice exists, notices an earlier run of the kind left in
 * flight become UNCERTAIN, and the topic notes this execution.
 */
@Named
@Dependent
public class NoticeRunStart extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject AuditJournal audit;
  @Inject NoticeTopics topics;

  @Inject @BatchProperty String kind;
  @Inject @BatchProperty String reference;

  @Override
  public String process() throws Exception {
    NoticeTopic topic = topics.of(kind);
    try (Connection connection = database.connect()) {
      if (reference == null || topic.text(connection, reference).isEmpty()) {
        throw new IllegalArgumentException("No " + topic.kind().label() + " " + reference);
      }
      // a runner taken for dead must not call its successor's notices in flight uncertain
      JobDatabase.inTransaction(
          connection,
          () -> {
            JobNodes.fence(connection, job.getExecutionId());
            int uncertain =
                NoticeDeliveries.markInFlightUncertain(
                    connection, topic.kind(), job.getExecutionId());
            if (uncertain > 0) {
              audit.append(
                  connection,
                  AuditTrail.SYSTEM_ACTOR,
                  "NOTICES_UNCERTAIN",
                  null,
                  uncertain
                      + " "
                      + topic.kind().label()
                      + "s in flight before execution "
                      + job.getExecutionId());
            }
            topic.runStarted(connection, reference, job.getExecutionId());
          });
    }
    return "COMPLETED";
  }
}
