package app.custodian.bulk.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An import or export just started: its id and the job execution that runs it. */
public record BulkRun(String id, long executionId) {

  /** 202 with {@code {"<idName>": id, "executionId": ...}}, as api.md answers a start. */
  public Response accepted(String idName) {
    String body =
        Json.createObjectBuilder()
            .add(idName, id)
            .add("executionId", executionId)
            .build()
            .toString();
    return Response.accepted(body).type(MediaType.APPLICATION_JSON).build();
  }
}
