package app.custodian.jobs.boundary;

import app.custodian.jobs.control.JobNodes;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.platform.control.Cluster;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;

/**
 * Listed in every job's XML: records which node runs the execution, so that a run whose node died
 * can be told from one still running, here or on another node.
 */
@Named("runningJobs")
@Dependent
public class RunningJobsListener implements JobListener {

  @Inject JobContext job;
  @Inject RunningJobs running;
  @Inject JobDatabase database;
  @Inject Cluster cluster;

  @Override
  public void beforeJob() throws Exception {
    running.started(job.getExecutionId());
    try (Connection connection = database.connect()) {
      JobNodes.started(
          connection, job.getExecutionId(), job.getJobName(), cluster.nodeId(), cluster.nodeName());
    }
  }

  @Override
  public void afterJob() throws Exception {
    running.ended(job.getExecutionId());
    try (Connection connection = database.connect()) {
      JobNodes.ended(connection, job.getExecutionId());
    }
  }
}
