package app.custodian.jobs.boundary;

import app.custodian.platform.control.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("jobs")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

  @Inject JobRuns runs;

  @GET
  @Path("executions/{id}")
  public JobExecutionView execution(@PathParam("id") String id) {
    long executionId = executionId(id);
    return runs.find(executionId)
        .orElseThrow(() -> ProblemException.notFound("Execution " + executionId));
  }

  @POST
  @Path("executions/{id}/restart")
  public Response restart(@PathParam("id") String id) {
    long executionId = executionId(id);
    return accepted(runs.restart(executionId));
  }

  /** The 202 answer to a request that started a job execution. */
  public static Response accepted(long executionId) {
    JsonObject body = Json.createObjectBuilder().add("executionId", executionId).build();
    return Response.accepted(body.toString()).type(MediaType.APPLICATION_JSON).build();
  }

  private static long executionId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("Execution " + id);
    }
  }
}
