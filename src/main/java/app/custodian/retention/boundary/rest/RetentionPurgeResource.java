package app.custodian.retention.boundary.rest;

import app.custodian.jobs.boundary.JobsResource;
import app.custodian.platform.control.ProblemException;
import app.custodian.retention.boundary.RetentionPurgeStarter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("jobs/retention-purge")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionPurgeResource {

  @Inject RetentionPurgeStarter starter;

  @POST
  public Response start(@QueryParam("dryRun") String dryRun) {
    return JobsResource.accepted(starter.start(dryRun(dryRun)));
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
