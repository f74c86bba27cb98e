package app.custodian.security.boundary;

import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.EnumSet;
import java.util.Set;

@Path("accounts")
@RolesAllowed("ADMIN")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject AccountService accounts;

  @POST
  public Response create(@Valid @NotNull AccountInput input) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    input.roles.forEach(r -> roles.add(Role.valueOf(r)));
    AccountView account = accounts.create(input.username, input.password.toCharArray(), roles);
    return Response.created(UriBuilder.fromPath("/api/v1/accounts/{id}").build(account.id()))
        .entity(account)
        .build();
  }

  @GET
  public Page<AccountView> list(
      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
    return accounts.list(PageRequest.of(page, size));
  }
}
