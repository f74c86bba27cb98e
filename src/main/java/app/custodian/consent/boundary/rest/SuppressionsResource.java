package app.custodian.consent.boundary.rest;

import app.custodian.consent.boundary.SuppressionInput;
import app.custodian.consent.boundary.SuppressionList;
import app.custodian.consent.boundary.SuppressionView;
import app.custodian.consent.entity.SuppressionReason;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The suppression list. Addresses travel in request bodies, never in URLs, so they stay out of
 * access logs.
 */
@Path("suppressions")
@RolesAllowed({"OPERATOR", "ADMIN"})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SuppressionsResource {

  @Inject SuppressionList suppressions;

  @POST
  public Response add(@Valid @NotNull SuppressionInput input) {
    SuppressionReason reason =
        input.reason == null ? SuppressionReason.MANUAL : SuppressionReason.valueOf(input.reason);
    suppressions.suppressAddress(input.email, input.scopeOrAll(), reason);
    return Response.ok(lookup(input)).build();
  }

  @POST
  @Path("lookup")
  public Map<String, List<SuppressionView>> lookup(@Valid @NotNull SuppressionInput input) {
    return Map.of(
        "entries", suppressions.ofAddress(input.email).stream().map(SuppressionView::of).toList());
  }

  @POST
  @Path("remove")
  @RolesAllowed("ADMIN")
  public Map<String, Boolean> remove(@Valid @NotNull SuppressionInput input) {
    return Map.of("removed", suppressions.remove(input.email, input.scopeOrAll()));
  }
}
