package app.custodian.customer.boundary.rest;

import app.custodian.customer.boundary.CustomerInput;
import app.custodian.customer.boundary.CustomerService;
import app.custodian.customer.boundary.CustomerView;
import app.custodian.customer.boundary.LegalHoldInput;
import app.custodian.platform.boundary.JsonBodies;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.Map;

@Path("customers")
@RolesAllowed({"OPERATOR", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

  @Inject CustomerService customers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Valid @NotNull CustomerInput input) {
    CustomerView customer = customers.create(input);
    return Response.created(UriBuilder.fromPath("/api/v1/customers/{id}").build(customer.id()))
        .entity(customer)
        .build();
  }

  @GET
  public Page<CustomerView> find(
      @QueryParam("q") String query,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    return customers.find(query, PageRequest.of(page, size));
  }

  @GET
  @Path("{id}")
  public CustomerView read(@PathParam("id") String id) {
    return customers.read(id);
  }

  @PATCH
  @Path("{id}")
  @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
  public CustomerView rectify(@PathParam("id") String id, InputStream body) {
    return customers.rectify(id, JsonBodies.object(body));
  }

  @DELETE
  @Path("{id}")
  public Response erase(@PathParam("id") String id) {
    customers.erase(id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/export")
  public Map<String, Object> export(@PathParam("id") String id) {
    return customers.export(id);
  }

  @PUT
  @Path("{id}/legal-hold")
  @RolesAllowed("ADMIN")
  @Consumes(MediaType.APPLICATION_JSON)
  public CustomerView placeLegalHold(
      @PathParam("id") String id, @Valid @NotNull LegalHoldInput hold) {
    return customers.placeLegalHold(id, hold.reason.strip());
  }

  @DELETE
  @Path("{id}/legal-hold")
  @RolesAllowed("ADMIN")
  public Response releaseLegalHold(@PathParam("id") String id) {
    customers.releaseLegalHold(id);
    return Response.noContent().build();
  }
}
