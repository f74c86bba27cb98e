package app.custodian.renewal.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.jobs.boundary.JobRuns;
import app.custodian.jobs.boundary.JobsResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Properties;

@Path("jobs/renewal-reminders")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class RenewalRemindersResource {

  @Inject JobRuns runs;
  @Inject AuditTrail audit;

  @POST
  public Response start() {
    long executionId = runs.startAlone(RenewalRemindersJob.NAME, new Properties());
    audit.record("JOB_STARTED", null, RenewalRemindersJob.NAME + " execution " + executionId);
    return JobsResource.accepted(executionId);
  }
}
