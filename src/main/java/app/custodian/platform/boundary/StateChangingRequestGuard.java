package app.custodian.platform.boundary;

import app.custodian.platform.control.StateChangingRequestRules;
import app.custodian.platform.control.StateChangingRequestRules.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Refuses a state-changing API request that is not JSON (415) or comes from another site (403). The
 * authentication mechanism asks first, before it reads any credentials: in Payara the mechanism
 * runs before every servlet filter, and a refused request must neither reach a resource nor count
 * as a failed sign-in.
 */
@ApplicationScoped
public class StateChangingRequestGuard {

  @Inject PublicAddress address;

  private StateChangingRequestRules rules;

  @PostConstruct
  void start() {
    rules = new StateChangingRequestRules(address.baseUrl());
  }

  /** Answers a refused request (problem+json, committed) and says so; else leaves it alone. */
  public boolean refused(HttpServletRequest request, HttpServletResponse response) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/")) {
      return false;
    }
    Optional<Refusal> refusal = rules.refusal(facts(request, path));
    if (refusal.isEmpty()) {
      return false;
    }
    Refusal r = refusal.get();
    try {
      Problems.write(response, Problems.response(r.status, r.title, r.detail));
      response.flushBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }

  private static StateChangingRequestRules.Request facts(HttpServletRequest request, String path) {
    String transferEncoding = request.getHeader("Transfer-Encoding");
    return new StateChangingRequestRules.Request(
        request.getMethod(),
        request.getContentType(),
        request.getContentLengthLong(),
        transferEncoding != null && !transferEncoding.isBlank(),
        request.getHeader("Sec-Fetch-Site"),
        request.getHeader("Origin"),
        path);
  }
}
