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

@Path("contracts")
@RolesAllowed({"OPERATOR", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class ContractsResource {

  @Inject ContractService contracts;

  @GET
  @Path("{id}")
  public ContractView read(@PathParam("id") String contractId) {
    return contracts.read(contractId);
  }

  @POST
  @Path("{id}/terminate")
  @Consumes(MediaType.APPLICATION_JSON)
  public ContractView terminate(
      @PathParam("id") String contractId, @Valid @NotNull TerminationInput input) {
    return contracts.terminate(contractId, input);
  }
}
