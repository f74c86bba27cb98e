package app.custodian.policy.boundary;

import app.custodian.jobs.boundary.JobRuns;
import app.custodian.platform.control.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Starts the policy-notice job for a version, for the API and the portal alike. */
@ApplicationScoped
public class PolicyNoticeStarter {

  @Inject PolicyService policies;
  @Inject JobRuns runs;

  /**
   * @return the execution's id
   * @throws ProblemException 404 for an unknown version, 409 while a policy-notice run is live
   */
  public long start(String version) {
    policies.require(version);
    long executionId = runs.startAlone(PolicyNoticeJob.NAME, PolicyNoticeJob.parameters(version));
    policies.notifying(version, executionId);
    return executionId;
  }
}
