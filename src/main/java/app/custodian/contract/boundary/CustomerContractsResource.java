package app.custodian.contract.boundary;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

@Path("customers/{id}/contracts")
@RolesAllowed({"OPERATOR", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class CustomerContractsResource {

  @Inject ContractService contracts;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("id") String customerId, @Valid @NotNull ContractInput input) {
    ContractView contract = contracts.create(customerId, input);
    return Response.created(UriBuilder.fromPath("/api/v1/contracts/{id}").build(contract.id()))
        .entity(contract)
        .build();
  }

  @GET
  public List<ContractView> list(@PathParam("id") String customerId) {
    return contracts.ofCustomer(customerId);
  }
}
