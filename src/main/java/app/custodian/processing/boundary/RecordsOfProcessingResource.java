package app.custodian.processing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("records-of-processing")
@RolesAllowed({"ADMIN", "AUDITOR"})
@Produces(MediaType.APPLICATION_JSON)
public class RecordsOfProcessingResource {

  @Inject RecordsOfProcessingService records;

  @GET
  public RecordsOfProcessing read() {
    return records.records();
  }
}
