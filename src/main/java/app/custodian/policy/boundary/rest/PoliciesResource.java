package app.custodian.policy.boundary.rest;

import app.custodian.jobs.boundary.JobsResource;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.policy.boundary.PolicyInput;
import app.custodian.policy.boundary.PolicyNoticeStarter;
import app.custodian.policy.boundary.PolicyService;
import app.custodian.policy.boundary.PolicyView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

@Path("policies")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {

  @Inject PolicyService policies;
  @Inject PolicyNoticeStarter starter;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Valid @NotNull PolicyInput input) {
    PolicyView policy = policies.create(input);
    return Response.created(UriBuilder.fromPath("/api/v1/policies/{v}").build(policy.version()))
        .entity(policy)
        .build();
  }

  @GET
  public Page<PolicyView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
    return policies.list(PageRequest.of(page, size));
  }

  @GET
  @Path("{version}")
  public PolicyView read(@PathParam("version") String version) {
    return policies.read(version);
  }

  /** Starts the policy-notice job for the version; 409 while a policy-notice run is live. */
  @POST
  @Path("{version}/notify")
  public Response notify(@PathParam("version") String version) {
    return JobsResource.accepted(starter.start(version));
  }
}
