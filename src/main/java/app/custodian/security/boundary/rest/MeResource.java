package app.custodian.security.boundary.rest;

import app.custodian.security.boundary.AccountIdentityStore;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** The signed-in staff member's own account. */
@Path("me")
public class MeResource {

  @Inject AccountIdentityStore identityStore;

  /**
   * {@code {"currentPassword","newPassword"}} -> 204. A wrong current password -> 400 naming {@code
   * currentPassword}, and counts as a failed sign-in; a weak new one -> 400 naming {@code
   * newPassword}. The only request an account whose password must change may make.
   */
  @PUT
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changePassword(
      @Context SecurityContext security, @NotNull PasswordChangeInput input) {
    identityStore.changePassword(
        security.getUserPrincipal().getName(),
        chars(input.currentPassword),
        chars(input.newPassword));
    return Response.noContent().build();
  }

  private static char[] chars(String value) {
    return value == null ? new char[0] : value.toCharArray();
  }

  /** The current password and the new one. */
  public static class PasswordChangeInput {
    public String currentPassword;
    public String newPassword;
  }
}
