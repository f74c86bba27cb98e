package app.custodian.platform.boundary.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.stream.Stream;

/** Who the caller is, and which roles they hold. */
@Path("whoami")
public class WhoAmIResource {

  public record Caller(String username, List<String> roles) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Caller whoAmI(@Context SecurityContext security) {
    List<String> roles =
        Stream.of("ADMIN", "OPERATOR", "MARKETING", "AUDITOR")
            .filter(security::isUserInRole)
            .toList();
    return new Caller(security.getUserPrincipal().getName(), roles);
  }
}
