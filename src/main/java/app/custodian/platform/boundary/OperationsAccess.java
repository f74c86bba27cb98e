package app.custodian.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /metrics} and {@code /openapi} for staff only (any role, HTTP Basic), unless {@code
 * CUSTODIAN_PUBLIC_OPS=true}. Payara Micro adds its MicroProfile Metrics and OpenAPI servlets to
 * the application at the root context, this one, so our filters and our authentication mechanism
 * see their requests; the health checks stay open for load balancers.
 */
@WebFilter({"/metrics", "/metrics/*", "/openapi", "/openapi/*"})
public class OperationsAccess extends HttpFilter {

  @Inject
  @ConfigProperty(name = "custodian.public.ops", defaultValue = "false")
  boolean publicOps;

  /** Whether a path (after the context path) is one of these endpoints: they sign in with Basic. */
  public static boolean covers(String path) {
    return path.equals("/metrics")
        || path.startsWith("/metrics/")
        || path.equals("/openapi")
        || path.startsWith("/openapi/");
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (publicOps || request.getUserPrincipal() != null) {
      chain.doFilter(request, response);
      return;
    }
    BasicChallenge.offer(request, response);
    Problems.write(response, Problems.forStatus(HttpServletResponse.SC_UNAUTHORIZED));
  }
}
