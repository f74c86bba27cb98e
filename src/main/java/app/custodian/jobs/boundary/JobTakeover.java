package app.custodian.jobs.boundary;

import app.custodian.jobs.control.JobNode;
import app.custodian.jobs.control.JobNodes;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.platform.control.Cluster;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Continues the executions of a node that left the cluster: one surviving node wins each by a
 * compare-and-set in {@code job_node}, marks the old execution FAILED in the batch repository and
 * starts the job anew with its parameters; the job's own records (delivery rows, tombstones, import
 * progress) make the new run continue rather than repeat, and count a message that was in flight on
 * the lost node uncertain. Should the old node still be running it after all, {@link NodeFence}
 * stops it before its next chunk.
 */
@ApplicationScoped
public class JobTakeover {

  private static final Logger LOG = Logger.getLogger(JobTakeover.class.getName());

  @Inject JobLiveness liveness;
  @Inject JobDatabase database;
  @Inject BatchRepository repository;
  @Inject Cluster cluster;

  /**
   * Takes over every unended execution whose node is gone.
   *
   * @return the executions started in their place by this node
   */
  public List<Long> takeOverOrphans() {
    List<JobNode> unended;
    try (Connection connection = database.connect()) {
      unended = JobNodes.unended(connection, null);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the job nodes", e);
    }
    List<Long> successors = new ArrayList<>();
    for (JobNode node : unended) {
      if (!node.takenOver() && !cluster.isAlive(node.nodeId())) {
        takeOver(node.executionId()).ifPresent(successors::add);
      }
    }
    return successors;
  }

  /**
   * Takes the execution over unless another node did first.
   *
   * @return the execution that continues it, if this node won
   */
  public Optional<Long> takeOver(long executionId) {
    Optional<JobExecution> execution = liveness.execution(executionId);
    try (Connection connection = database.connect()) {
      if (execution.isEmpty() || !JobLiveness.ACTIVE.contains(execution.get().getBatchStatus())) {
        JobNodes.ended(connection, executionId); // it ended, its node died before it said so
        return Optional.empty();
      }
      if (!JobNodes.takeOver(connection, executionId, cluster.nodeId())) {
        return Optional.empty();
      }
      String job = execution.get().getJobName();
      long successor;
      try {
        Properties parameters = BatchRuntime.getJobOperator().getParameters(executionId);
        successor = BatchRuntime.getJobOperator().start(job, parameters);
      } catch (RuntimeException e) {
        JobNodes.release(connection, executionId, cluster.nodeId()); // the next look tries again
        throw e;
      }
      JobNodes.succeededBy(connection, executionId, successor);
      repository.markFailed(executionId);
      LOG.info(
          () -> "Took over " + job + " execution " + executionId + " as execution " + successor);
      return Optional.of(successor);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take over execution " + executionId, e);
    }
  }
}
