package app.custodian.platform.boundary.rest;

import app.custodian.platform.boundary.Problems;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed} on resource methods and classes: an authenticated caller without
 * one of the roles gets 403. (Authentication itself is required for the whole API in web.xml.)
 */
@Provider
public class RoleCheck implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    if (allowed != null) {
      context.register(new RoleFilter(allowed.value()));
    }
  }

  @Priority(Priorities.AUTHORIZATION)
  private static final class RoleFilter implements ContainerRequestFilter {
    private final String[] roles;

    RoleFilter(String[] roles) {
      this.roles = roles.clone();
    }

    @Override
    public void filter(ContainerRequestContext request) {
      var security = request.getSecurityContext();
      if (security.getUserPrincipal() == null) {
        request.abortWith(Problems.forStatus(401));
      } else if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
        request.abortWith(
            Problems.response(
                403, "Forbidden", "This needs one of the roles " + String.join(", ", roles)));
      }
    }
  }
}
