package app.custodian.security.boundary.rest;

import app.custodian.jobs.boundary.JobRuns;
import app.custodian.jobs.boundary.JobsResource;
import app.custodian.security.boundary.PiiReencryptJob;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Properties;

/** Starts {@code pii-reencrypt}: every encrypted value written again under CUSTODIAN_PII_KEY. */
@Path("jobs/pii-reencrypt")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class PiiReencryptResource {

  @Inject JobRuns runs;

  @POST
  public Response start() {
    return JobsResource.accepted(
        runs.startByStaff(PiiReencryptJob.NAME, new Properties(), PiiReencryptJob.NAME));
  }
}
