package app.custodian.retention.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.jobs.boundary.JobRuns;
import app.custodian.jobs.boundary.JobsResource;
import app.custodian.platform.control.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Properties;

@Path("jobs/retention-purge")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionPurgeResource {

  @Inject JobRuns runs;
  @Inject AuditTrail audit;

  @POST
  public Response start(@QueryParam("dryRun") String dryRun) {
    boolean preview = dryRun(dryRun);
    Properties parameters = new Properties();
    parameters.setProperty(RetentionPurgeJob.DRY_RUN, String.valueOf(preview));
    long executionId = runs.startAlone(RetentionPurgeJob.NAME, parameters);
    audit.record(
        "JOB_STARTED",
        null,
        RetentionPurgeJob.NAME + (preview ? " (dry run)" : "") + " execution " + executionId);
    return JobsResource.accepted(executionId);
  }

  private static boolean dryRun(String value) {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.isEmpty() || value.equalsIgnoreCase("true")) {
      return true;
    }
    throw ProblemException.invalid("dryRun", "must be true or false");
  }
}
