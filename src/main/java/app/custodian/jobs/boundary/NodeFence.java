package app.custodian.jobs.boundary;

import app.custodian.jobs.control.JobNode;
import app.custodian.jobs.control.JobNodes;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.util.Optional;

/**
 * Listed on every chunk step: before each chunk, an execution that another node took over (this
 * node was taken for dead: a long pause, a split network) fails instead of going on beside its
 * successor. One primary-key read per chunk.
 */
@Named("nodeFence")
@Dependent
public class NodeFence extends AbstractChunkListener {

  @Inject JobContext job;
  @Inject JobDatabase database;

  @Override
  public void beforeChunk() throws Exception {
    Optional<JobNode> node;
    try (Connection connection = database.connect()) {
      node = JobNodes.find(connection, job.getExecutionId());
    }
    if (node.isPresent() && node.get().takenOver()) {
      throw new IllegalStateException(
          "Execution " + job.getExecutionId() + " was taken over by another node");
    }
  }
}
