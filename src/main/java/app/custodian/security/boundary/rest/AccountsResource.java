package app.custodian.security.boundary.rest;

import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.security.boundary.AccountInput;
import app.custodian.security.boundary.AccountService;
import app.custodian.security.boundary.AccountView;
import app.custodian.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

@Path("accounts")
@RolesAllowed("ADMIN")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject AccountService accounts;

  @POST
  public Response create(@Valid @NotNull AccountInput input) {
    AccountView account =
        accounts.create(input.username, input.password.toCharArray(), Role.setOf(input.roles));
    return Response.created(UriBuilder.fromPath("/api/v1/accounts/{id}").build(account.id()))
        .entity(account)
        .build();
  }

  @GET
  public Page<AccountView> list(
      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
    return accounts.list(PageRequest.of(page, size));
  }

  /** Replaces an account's roles: {@code {"roles":[...]}}. */
  @PUT
  @Path("{id}/roles")
  public AccountView grant(@PathParam("id") String id, @Valid @NotNull RolesInput input) {
    return accounts.grant(id, Role.setOf(input.roles));
  }

  /** Sets a new password, {@code {"password"}}, and lifts a lockout. */
  @PUT
  @Path("{id}/password")
  public Response resetPassword(@PathParam("id") String id, @NotNull PasswordInput input) {
    accounts.resetPassword(id, input.password == null ? new char[0] : input.password.toCharArray());
    return Response.noContent().build();
  }

  /**
   * Refused at once on every path, its portal sessions ended; not one's own, not the last admin.
   */
  @POST
  @Path("{id}/disable")
  public AccountView disable(@PathParam("id") String id) {
    return accounts.disable(id);
  }

  @POST
  @Path("{id}/enable")
  public AccountView enable(@PathParam("id") String id) {
    return accounts.enable(id);
  }

  @POST
  @Path("{id}/unlock")
  public Response unlock(@PathParam("id") String id) {
    accounts.unlock(id);
    return Response.noContent().build();
  }

  /** The roles an account should have. */
  public static class RolesInput {
    @NotEmpty(message = "must name at least one role")
    public List<
            @NotNull @Pattern(regexp = AccountInput.ROLE_NAMES, message = AccountInput.ROLE_RULE)
            String>
        roles;
  }

  /** A new password. */
  public static class PasswordInput {
    public String password;
  }
}
