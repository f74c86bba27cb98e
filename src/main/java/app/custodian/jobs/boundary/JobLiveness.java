package app.custodian.jobs.boundary;

import app.custodian.jobs.control.JobNode;
import app.custodian.jobs.control.JobNodes;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.platform.control.Cluster;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a job execution is running somewhere in the cluster: an active execution is orphaned only
 * when the node it started on has left the cluster, or another node took it over.
 */
@ApplicationScoped
public class JobLiveness {

  static final Set<BatchStatus> ACTIVE =
      Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

  @Inject RunningJobs running;
  @Inject JobDatabase database;
  @Inject Cluster cluster;

  /**
   * Whether the execution will never end by itself: it was taken over, or it is active and its node
   * is gone.
   */
  public boolean orphaned(JobExecution execution) {
    Optional<JobNode> node = node(execution.getExecutionId());
    if (node.isPresent() && node.get().takenOver()) {
      return true; // though marked FAILED since, or still running on a node taken for dead
    }
    if (!ACTIVE.contains(execution.getBatchStatus())) {
      return false;
    }
    if (node.isPresent()) {
      return !running.runsHere(execution.getExecutionId()) && !cluster.isAlive(node.get().nodeId());
    }
    // started before job_node existed, or not yet recorded by its listener
    return !running.runsHere(execution.getExecutionId())
        && execution.getCreateTime() != null
        && execution.getCreateTime().toInstant().isBefore(running.processStart());
  }

  /** Whether the execution is running, on this node or on another. */
  public boolean isLive(long executionId) {
    return execution(executionId)
        .map(e -> ACTIVE.contains(e.getBatchStatus()) && !orphaned(e))
        .orElse(false);
  }

  /** A running execution of the job, on any node, if there is one. */
  public Optional<Long> liveExecution(String jobName) {
    List<Long> recorded;
    try (Connection connection = database.connect()) {
      recorded = JobNodes.unended(connection, jobName).stream().map(JobNode::executionId).toList();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the job nodes", e);
    }
    return Stream.concat(local(jobName).stream(), recorded.stream())
        .filter(this::isLive)
        .findFirst();
  }

  /** The execution that continues this one after takeovers (itself if none). */
  public long latest(long executionId) {
    long latest = executionId;
    for (Optional<JobNode> node = node(latest);
        node.isPresent() && node.get().successorId() != null;
        node = node(latest)) {
      latest = node.get().successorId();
    }
    return latest;
  }

  /** The name of the node the execution started on, if known. */
  public Optional<String> nodeName(long executionId) {
    return node(executionId).map(JobNode::nodeName);
  }

  Optional<JobNode> node(long executionId) {
    try (Connection connection = database.connect()) {
      return JobNodes.find(connection, executionId);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the node of execution " + executionId, e);
    }
  }

  /** The executions the batch runtime runs in this JVM: started, perhaps not yet recorded. */
  private static List<Long> local(String jobName) {
    try {
      return operator().getRunningExecutions(jobName);
    } catch (NoSuchJobException e) {
      return List.of();
    }
  }

  Optional<JobExecution> execution(long executionId) {
    try {
      return Optional.ofNullable(operator().getJobExecution(executionId));
    } catch (NoSuchJobExecutionException e) {
      return Optional.empty();
    }
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
