package app.custodian.retention.boundary.batch;

import app.custodian.customer.boundary.CustomerDeletions;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.retention.boundary.RetentionPurgeJob;
import app.custodian.retention.boundary.RetentionSettings;
import app.custodian.retention.control.CustomerFacts;
import app.custodian.retention.control.PurgeCandidates;
import app.custodian.retention.control.PurgeReceipts;
import app.custodian.retention.control.RetentionPolicy;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides again, at this moment and with the candidates' rows locked, who must go and by which
 * rule; then deletes them (tombstone, suppression, audit) in one transaction per chunk, and what is
 * kept of them outside the database after its commit; or, in a dry run, only records who would go.
 */
@Named
@Dependent
public class PurgeWriter extends AbstractItemWriter {

  @Inject
  @BatchProperty(name = RetentionPurgeJob.DRY_RUN)
  String dryRun;

  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject RetentionSettings settings;
  @Inject CustomerDeletions deletions;

  private RetentionPolicy policy;
  private Connection connection;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    policy = settings.policy();
    connection = database.connect();
    connection.setAutoCommit(false);
  }

  @Override
  public void writeItems(List<Object> items) throws Exception {
    List<String> ids = items.stream().map(String.class::cast).toList();
    boolean preview = Boolean.parseBoolean(dryRun);
    List<String> deleted = List.of();
    try {
      Map<String, String> ruleById = decide(ids, !preview);
      if (preview) {
        PurgeReceipts.preview(connection, job.getExecutionId(), ruleById);
      } else {
        deleted =
            deletions.delete(connection, ruleById, RetentionPurgeJob.ACTOR, job.getExecutionId());
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
    deletions.committed(deleted);
  }

  @Override
  public void close() throws Exception {
    if (connection != null) {
      connection.rollback();
      connection.setAutoCommit(true);
      connection.close();
    }
  }

  private Map<String, String> decide(List<String> ids, boolean lock) throws SQLException {
    Instant now = Instant.now();
    Map<String, String> ruleById = new LinkedHashMap<>();
    for (Map.Entry<String, CustomerFacts> facts :
        PurgeCandidates.facts(connection, ids, lock).entrySet()) {
      policy
          .ruleFor(facts.getValue(), now)
          .ifPresent(rule -> ruleById.put(facts.getKey(), rule.name()));
    }
    return ruleById;
  }
}
