package app.custodian.renewal.boundary.rest;

import app.custodian.jobs.boundary.JobsResource;
import app.custodian.renewal.boundary.RenewalRemindersStarter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("jobs/renewal-reminders")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class RenewalRemindersResource {

  @Inject RenewalRemindersStarter starter;

  @POST
  public Response start() {
    return JobsResource.accepted(starter.start());
  }
}
