package app.custodian.audit.boundary.rest;

import static app.custodian.platform.control.Strings.blankToNull;

import app.custodian.audit.boundary.AuditFilter;
import app.custodian.audit.boundary.AuditTrail;
import app.custodian.audit.boundary.AuditView;
import app.custodian.audit.boundary.ChainVerification;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.platform.control.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;

@Path("audit")
@RolesAllowed({"AUDITOR", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject AuditTrail trail;

  @GET
  public Page<AuditView> list(
      @QueryParam("customerId") String customerId,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    var filter =
        new AuditFilter(
            blankToNull(customerId),
            blankToNull(actor),
            blankToNull(action),
            instant("from", from),
            instant("to", to));
    return trail.find(filter, PageRequest.of(page, size));
  }

  @GET
  @Path("verify")
  public ChainVerification verify() {
    return trail.verify();
  }

  private static Instant instant(String field, String value) {
    if (blankToNull(value) == null) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(
          field, "must be an ISO-8601 instant such as 2026-01-31T17:00:00Z");
    }
  }
}
