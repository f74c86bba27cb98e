package app.custodian.privacy.boundary.batch;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.privacy.boundary.PrivacySettings;
import app.custodian.privacy.control.ClosedRequests;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A step of the nightly retention run: deletes the privacy requests closed more than {@code
 * CUSTODIAN_REQUESTS_RETENTION} ago, with the emails about them still queued, a batch per
 * transaction, each request audited by its ids. A restart goes on with what is still due; a dry run
 * deletes nothing.
 */
@Named
@Dependent
public class RequestExpiry extends AbstractBatchlet {

  static final int BATCH = 500;

  @Inject
  @BatchProperty(name = "dryRun")
  String dryRun;

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject AuditJournal audit;
  @Inject PrivacySettings settings;

  private volatile boolean stopping;

  @Override
  public String process() throws Exception {
    if (Boolean.parseBoolean(dryRun)) {
      return "COMPLETED";
    }
    Instant closedBefore = settings.retention().closedBefore(Instant.now());
    try (Connection connection = database.connect()) {
      boolean[] more = {true};
      while (!stopping && more[0]) {
        JobDatabase.inTransaction(
            connection, () -> more[0] = expireBatch(connection, closedBefore));
      }
    }
    return stopping ? "STOPPED" : "COMPLETED";
  }

  @Override
  public void stop() {
    stopping = true;
  }

  /** Deletes one batch and audits it; false when nothing was due. */
  private boolean expireBatch(Connection connection, Instant closedBefore) throws SQLException {
    List<ClosedRequests.Expired> expired = ClosedRequests.expire(connection, closedBefore, BATCH);
    for (ClosedRequests.Expired request : expired) {
      audit.append(
          connection,
          job.getJobName(),
          "PRIVACY_REQUEST_EXPIRED",
          request.customerId(),
          "request %s %s %s, execution %d"
              .formatted(request.id(), request.type(), request.status(), job.getExecutionId()));
    }
    return !expired.isEmpty();
  }
}
