package app.custodian.consent.boundary.web;

import app.custodian.consent.boundary.PublicLimits;
import app.custodian.consent.control.PageTemplates;
import app.custodian.consent.control.Texts;
import app.custodian.platform.boundary.Problems;
import app.custodian.platform.control.ProblemException;
import app.custodian.security.control.SignedTokens;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the public pages share: no login, the signed token in {@code ?t=} as the only key, pages in
 * the person's language (or {@code ?lang=}), and a 400 that changes nothing for a bad token.
 */
public abstract class PublicPage extends HttpServlet {

  @Inject SignedTokens tokens;
  @Inject PublicLimits limits;

  /** What the token in {@code ?t=} says if it is genuine; empty for anything else. */
  protected Optional<SignedTokens.Claims> claims(HttpServletRequest request) {
    return tokens.verify(request.getParameter("t"));
  }

  /** The person's language, unless the page was asked for in the other one. */
  protected static Texts texts(HttpServletRequest request, String personLocale) {
    return Texts.of(Optional.ofNullable(request.getParameter("lang")).orElse(personLocale));
  }

  protected void render(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String page,
      Texts texts,
      Map<String, Object> values)
      throws IOException {
    String token = Optional.ofNullable(request.getParameter("t")).orElse("");
    String self =
        request.getRequestURI() + "?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    Map<String, Object> scope = new HashMap<>(values);
    scope.put("t", texts.forTemplates());
    scope.put("title", texts.get(page + ".title"));
    scope.put("actionUrl", self + "&lang=" + texts.locale());
    scope.put("langUrl", self + "&lang=" + texts.get("page.otherLang"));
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    secureHeaders(response);
    response.getWriter().write(PageTemplates.render(page, scope));
  }

  /** A forged, altered or stale link: nothing changes, and the answer says so. */
  protected void invalidLink(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String accept = Optional.ofNullable(request.getHeader("Accept")).orElse("");
    if (accept.contains("text/html")) {
      render(request, response, 400, "invalid", texts(request, Texts.DEFAULT_LOCALE), Map.of());
      return;
    }
    secureHeaders(response);
    Problems.write(
        response,
        Problems.response(400, "Invalid link", "The link is not valid; nothing was changed"));
  }

  /**
   * A form posted too often from this client, or about this address: nothing changes. The answer is
   * the same whoever the address belongs to.
   */
  protected void tooMany(HttpServletRequest request, HttpServletResponse response, Texts texts)
      throws IOException {
    response.setHeader("Retry-After", Long.toString(PublicLimits.WINDOW.toSeconds()));
    render(request, response, 429, "tooMany", texts, Map.of());
  }

  /** Counts this post against the client's hourly limit of posts that send email. */
  protected boolean clientMayPost(HttpServletRequest request) {
    return limits.clientMayPost(request.getRemoteAddr());
  }

  /** Runs an action for a customer who may have been erased since the link was sent. */
  static <T> Optional<T> ifCustomerExists(Supplier<T> action) {
    try {
      return Optional.of(action.get());
    } catch (ProblemException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  // The token in the URL must not leak through Referer; the pages are never cached or framed.
  private static void secureHeaders(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
  }
}
