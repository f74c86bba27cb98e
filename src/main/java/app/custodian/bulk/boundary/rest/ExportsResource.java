package app.custodian.bulk.boundary.rest;

import app.custodian.bulk.boundary.CustomerExports;
import app.custodian.bulk.boundary.ExportView;
import app.custodian.platform.control.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

/** Bulk exports of the live customers to CSV (ADMIN). */
@Path("exports")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class ExportsResource {

  @Inject CustomerExports exports;

  @POST
  public Response start(@Context SecurityContext security) {
    return exports.start(security.getUserPrincipal().getName()).accepted("exportId");
  }

  @GET
  @Path("{id}")
  public ExportView find(@PathParam("id") String id) {
    return exports.find(id).orElseThrow(() -> ProblemException.notFound("Export " + id));
  }

  /** The file, once: after this answer it is gone. */
  @GET
  @Path("{id}/file")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  public Response file(@PathParam("id") String id, @Context SecurityContext security) {
    CustomerExports.Download download = exports.download(id, security.getUserPrincipal().getName());
    StreamingOutput body = download::to;
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"customers-" + id + ".csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
