package app.custodian.jobs.boundary;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Listed in every job's XML, so a run whose process died can be told from one still running. */
@Named("runningJobs")
@Dependent
public class RunningJobsListener implements JobListener {

  @Inject JobContext job;
  @Inject RunningJobs running;

  @Override
  public void beforeJob() {
    running.started(job.getExecutionId());
  }

  @Override
  public void afterJob() {
    running.ended(job.getExecutionId());
  }
}
