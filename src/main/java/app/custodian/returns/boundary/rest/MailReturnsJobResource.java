package app.custodian.returns.boundary.rest;

import app.custodian.jobs.boundary.JobsResource;
import app.custodian.returns.boundary.MailReturnsStarter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("jobs/mail-returns")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class MailReturnsJobResource {

  @Inject MailReturnsStarter starter;

  @POST
  public Response start() {
    return JobsResource.accepted(starter.start());
  }
}
