package app.custodian.incident.boundary.rest;

import app.custodian.incident.boundary.BreachNoticeStarter;
import app.custodian.incident.boundary.IncidentInput;
import app.custodian.incident.boundary.IncidentService;
import app.custodian.incident.boundary.IncidentView;
import app.custodian.incident.control.AuthorityReport;
import app.custodian.jobs.boundary.JobsResource;
import app.custodian.platform.boundary.JsonBodies;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;

@Path("incidents")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentsResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

  @Inject IncidentService incidents;
  @Inject BreachNoticeStarter starter;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response record(@Valid @NotNull IncidentInput input) {
    IncidentView incident = incidents.record(input);
    return Response.created(UriBuilder.fromPath("/api/v1/incidents/{id}").build(incident.id()))
        .entity(incident)
        .build();
  }

  @GET
  public Page<IncidentView> list(
      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
    return incidents.list(PageRequest.of(page, size));
  }

  @GET
  @Path("{id}")
  public IncidentView read(@PathParam("id") String id) {
    return incidents.read(id);
  }

  @PATCH
  @Path("{id}")
  @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
  public IncidentView amend(@PathParam("id") String id, InputStream body) {
    return incidents.amend(id, JsonBodies.object(body));
  }

  @GET
  @Path("{id}/authority-report")
  public AuthorityReport authorityReport(@PathParam("id") String id) {
    return incidents.authorityReport(id);
  }

  /** Starts the breach-notice job for the incident; 409 while a breach-notice run is live. */
  @POST
  @Path("{id}/notify")
  public Response notify(@PathParam("id") String id) {
    return JobsResource.accepted(starter.start(id));
  }
}
