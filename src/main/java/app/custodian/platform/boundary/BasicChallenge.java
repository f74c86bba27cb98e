package app.custodian.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@code WWW-Authenticate: Basic} challenge of a 401, for API clients only: a browser asking
 * for a page would open its password dialog, and then send the remembered credentials with every
 * request, forms of other sites included.
 */
public final class BasicChallenge {

  private BasicChallenge() {}

  public static void offer(HttpServletRequest request, HttpServletResponse response) {
    if (!asksForPage(request)) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Custodian\"");
    }
  }

  static boolean asksForPage(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
  }
}
