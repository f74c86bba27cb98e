package app.custodian.consent.boundary.rest;

import app.custodian.consent.boundary.ConsentChangeView;
import app.custodian.consent.boundary.ConsentInput;
import app.custodian.consent.boundary.ConsentService;
import app.custodian.consent.boundary.ConsentsView;
import app.custodian.consent.entity.Purpose;
import app.custodian.platform.control.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;

@Path("customers/{id}/consents")
@RolesAllowed({"OPERATOR", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class ConsentsResource {

  @Inject ConsentService consents;

  @GET
  public ConsentsView consents(@PathParam("id") String customerId) {
    return consents.consents(customerId);
  }

  @PUT
  @Path("{purpose}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ConsentChangeView change(
      @PathParam("id") String customerId,
      @PathParam("purpose") String purpose,
      @Valid @NotNull ConsentInput input) {
    return consents.change(customerId, purpose(purpose), input);
  }

  private static Purpose purpose(String name) {
    return Purpose.parse(name)
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    "purpose", "must be one of " + Arrays.toString(Purpose.values())));
  }
}
