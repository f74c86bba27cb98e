package app.custodian.incident.boundary;

import app.custodian.jobs.boundary.JobRuns;
import app.custodian.platform.control.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Starts the breach-notice job for an incident, for the API and the portal alike. */
@ApplicationScoped
public class BreachNoticeStarter {

  @Inject IncidentService incidents;
  @Inject JobRuns runs;

  /**
   * @return the execution's id
   * @throws ProblemException 404 for an unknown incident, 409 while a breach-notice run is live
   */
  public long start(String id) {
    String incidentId = incidents.require(id);
    long executionId =
        runs.startAlone(BreachNoticeJob.NAME, BreachNoticeJob.parameters(incidentId));
    incidents.notifying(incidentId, executionId);
    return executionId;
  }
}
