package app.custodian.bulk.boundary.rest;

import app.custodian.bulk.boundary.CustomerImports;
import app.custodian.bulk.boundary.ImportView;
import app.custodian.bulk.control.ImportMode;
import app.custodian.platform.control.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.Locale;

/** Bulk imports of customers from CSV (ADMIN, OPERATOR). */
@Path("imports")
@RolesAllowed({"ADMIN", "OPERATOR"})
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

  @Inject CustomerImports imports;

  @POST
  @Consumes("text/csv")
  public Response start(
      @QueryParam("mode") String mode,
      @QueryParam("dryRun") String dryRun,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
      @Context SecurityContext security,
      InputStream csv) {
    ImportMode importMode =
        ImportMode.parse(mode == null ? "create" : mode)
            .orElseThrow(() -> ProblemException.invalid("mode", "must be create or upsert"));
    boolean dry =
        switch (dryRun == null ? "false" : dryRun) {
          case "true" -> true;
          case "false" -> false;
          default -> throw ProblemException.invalid("dryRun", "must be true or false");
        };
    String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !charset.toLowerCase(Locale.ROOT).replace("-", "").equals("utf8")) {
      throw ProblemException.invalid("Content-Type", "the CSV must be UTF-8");
    }
    return imports
        .start(csv, importMode, dry, security.getUserPrincipal().getName())
        .accepted("importId");
  }

  @GET
  @Path("{id}")
  public ImportView find(@PathParam("id") String id) {
    return imports.find(id).orElseThrow(() -> ProblemException.notFound("Import " + id));
  }

  /** Gives up a failed import: its file is deleted and it can no longer be restarted. */
  @DELETE
  @Path("{id}")
  public ImportView abandon(@PathParam("id") String id, @Context SecurityContext security) {
    return imports.abandon(id, security.getUserPrincipal().getName());
  }
}
