package app.custodian.disclosure.boundary;

import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
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

@Path("customers/{id}/disclosures")
@RolesAllowed({"OPERATOR", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class CustomerDisclosuresResource {

  @Inject DisclosureService disclosures;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response record(
      @PathParam("id") String customerId, @Valid @NotNull DisclosureInput input) {
    DisclosureView disclosure = disclosures.record(customerId, input);
    return Response.created(
            UriBuilder.fromPath("/api/v1/customers/{id}/disclosures/{disclosure}")
                .build(customerId, disclosure.id()))
        .entity(disclosure)
        .build();
  }

  @GET
  public Page<DisclosureView> list(
      @PathParam("id") String customerId,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    return disclosures.ofCustomer(customerId, PageRequest.of(page, size));
  }

  @GET
  @Path("{disclosure}")
  public DisclosureView read(
      @PathParam("id") String customerId, @PathParam("disclosure") String disclosureId) {
    return disclosures.read(customerId, disclosureId);
  }
}
