package app.custodian.privacy.boundary.rest;

import app.custodian.platform.boundary.JsonBodies;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.platform.control.Strings;
import app.custodian.privacy.boundary.PrivacyRequestInput;
import app.custodian.privacy.boundary.PrivacyRequestService;
import app.custodian.privacy.boundary.PrivacyRequestView;
import app.custodian.privacy.boundary.PrivacyVerification;
import app.custodian.privacy.boundary.ReasonInput;
import app.custodian.privacy.boundary.RefusalInput;
import app.custodian.privacy.boundary.VerifyInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
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
import java.io.InputStream;

/** Privacy requests of the person, handled by staff. */
@Path("privacy-requests")
@RolesAllowed({"OPERATOR", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyRequestsResource {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject PrivacyRequestService requests;
  @Inject PrivacyVerification verification;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Valid @NotNull PrivacyRequestInput input) {
    PrivacyRequestView request = requests.create(input);
    return Response.created(
            UriBuilder.fromPath("/api/v1/privacy-requests/{id}").build(request.id()))
        .entity(request)
        .build();
  }

  @GET
  public Page<PrivacyRequestView> find(
      @QueryParam("status") String status,
      @QueryParam("overdue") String overdue,
      @QueryParam("customerId") String customerId,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    // an empty filter (?status=&overdue=true) filters nothing
    return requests.find(
        Strings.blankToNull(status),
        Strings.blankToNull(overdue),
        Strings.blankToNull(customerId),
        PageRequest.of(page, size));
  }

  @GET
  @Path("{id}")
  public PrivacyRequestView read(@PathParam("id") String id) {
    return requests.read(id);
  }

  @POST
  @Path("{id}/verify")
  @Consumes(MediaType.APPLICATION_JSON)
  public PrivacyRequestView verify(@PathParam("id") String id, @Valid @NotNull VerifyInput input) {
    return verification.verify(id, input);
  }

  @POST
  @Path("{id}/verification-code")
  public PrivacyRequestView sendCode(@PathParam("id") String id) {
    return requests.sendCode(id);
  }

  @POST
  @Path("{id}/extend")
  @Consumes(MediaType.APPLICATION_JSON)
  public PrivacyRequestView extend(@PathParam("id") String id, @Valid @NotNull ReasonInput input) {
    return requests.extend(id, input.reason.strip());
  }

  @POST
  @Path("{id}/refuse")
  @Consumes(MediaType.APPLICATION_JSON)
  public PrivacyRequestView refuse(@PathParam("id") String id, @Valid @NotNull RefusalInput input) {
    return requests.refuse(
        id,
        input.reason.strip(),
        input.reasonForPerson == null ? null : input.reasonForPerson.strip());
  }

  @POST
  @Path("{id}/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  public PrivacyRequestView suspend(@PathParam("id") String id, @Valid @NotNull ReasonInput input) {
    return requests.suspend(id, input.reason.strip());
  }

  @POST
  @Path("{id}/clear")
  public PrivacyRequestView clear(@PathParam("id") String id) {
    return requests.clearSuspension(id);
  }

  /**
   * Fulfils the request. Body (JSON, optional except for RECTIFICATION): {@code {"changes":{...}}}
   * or {@code {"purposes":[...]}}; for an ERASURE, {@code {"reasonForPerson":"..."}} is what the
   * person is told if a legal hold refuses it (else a standard text). An ACCESS answers the request
   * with the export in {@code "export"}.
   */
  @POST
  @Path("{id}/complete")
  public Response complete(@PathParam("id") String id, InputStream body) {
    PrivacyRequestService.Completion done = requests.complete(id, JsonBodies.optionalObject(body));
    if (done.export() == null) {
      return Response.ok(done.request(), MediaType.APPLICATION_JSON).build();
    }
    JsonObject request = JsonBodies.parse(JSONB.toJson(done.request()));
    JsonObject withExport =
        Json.createObjectBuilder(request)
            .add("export", JsonBodies.parse(JSONB.toJson(done.export())))
            .build();
    return Response.ok(withExport.toString(), MediaType.APPLICATION_JSON).build();
  }
}
