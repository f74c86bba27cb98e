package app.custodian.security.boundary;

import app.custodian.platform.boundary.BasicChallenge;
import app.custodian.platform.boundary.OperationsAccess;
import app.custodian.platform.boundary.Problems;
import app.custodian.platform.boundary.StateChangingRequestGuard;
import app.custodian.security.boundary.AccountIdentityStore.StaffLogin;
import app.custodian.security.control.SignInState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Staff sign in two ways against the same accounts: the API with HTTP Basic on every request, the
 * portal with its login form once per session. Jakarta Security 3 allows one mechanism per
 * application, so this one chooses by path. The API never accepts a portal session, so a page open
 * in a browser cannot be used to call it.
 */
@ApplicationScoped
public class StaffAuthentication implements HttpAuthenticationMechanism {

  public static final String LOGIN_PAGE = "/login.xhtml";
  public static final String PASSWORD_PAGE = "/account/password.xhtml";
  private static final String OWN_PASSWORD = "/api/v1/me/password";
  private static final String SESSION_LOGIN = StaffAuthentication.class.getName();

  /** Who signed in to this portal session. */
  record PortalLogin(String username) implements Serializable {}

  @Inject AccountIdentityStore identityStore;
  @Inject AccountService accounts;
  @Inject StateChangingRequestGuard stateChangingRequests;

  @Inject
  @ConfigProperty(name = "custodian.portal.session.timeout", defaultValue = "PT30M")
  String sessionTimeout;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (stateChangingRequests.refused(request, response)) {
      return AuthenticationStatus.SEND_CONTINUE; // answered; no credential was read
    }
    return isApi(request) ? basic(request, response, context) : portal(request, context);
  }

  private AuthenticationStatus basic(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    UsernamePasswordCredential credential = basicCredential(request.getHeader("Authorization"));
    if (credential != null) {
      Optional<StaffLogin> login =
          identityStore.signIn(
              credential.getCaller(),
              credential.getPassword().getValue(),
              AccountIdentityStore.API);
      if (login.isPresent()) {
        if (login.get().passwordMustChange() && !isOwnPasswordChange(request)) {
          return passwordChangeRequired(response);
        }
        return context.notifyContainerAboutLogin(login.get().username(), login.get().roles());
      }
    }
    if (context.isProtected()) {
      BasicChallenge.offer(request, response);
      return context.responseUnauthorized();
    }
    return context.doNothing();
  }

  private AuthenticationStatus portal(HttpServletRequest request, HttpMessageContext context) {
    if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
      return signIn(request, context);
    }
    var session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_LOGIN) instanceof PortalLogin login) {
      // The account is read on every page, so a change by an admin applies at once, on every
      // node: new roles, and a disabled account's session ends.
      Optional<SignInState> account = accounts.signInState(login.username());
      if (account.isPresent() && !account.get().disabled()) {
        if (account.get().passwordMustChange()
            && context.isProtected()
            && !PASSWORD_PAGE.equals(path(request))) {
          return toPage(PASSWORD_PAGE, request, context);
        }
        return context.notifyContainerAboutLogin(login.username(), account.get().roles());
      }
      session.invalidate();
    }
    if (context.isProtected()) {
      return toPage(LOGIN_PAGE, request, context);
    }
    return context.doNothing();
  }

  private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context) {
    if (!(context.getAuthParameters().getCredential()
        instanceof UsernamePasswordCredential credential)) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    Optional<StaffLogin> signedIn =
        identityStore.signIn(
            credential.getCaller(),
            credential.getPassword().getValue(),
            AccountIdentityStore.PORTAL);
    if (signedIn.isEmpty()) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (request.getSession(false) != null) {
      request.changeSessionId(); // no session fixation
    }
    var login = new PortalLogin(signedIn.get().username());
    var session = request.getSession(true);
    session.setAttribute(SESSION_LOGIN, login);
    session.setMaxInactiveInterval((int) Duration.parse(sessionTimeout).toSeconds());
    return context.notifyContainerAboutLogin(login.username(), signedIn.get().roles());
  }

  /**
   * A generated password opens nothing but its own change: {@code PUT /api/v1/me/password}. The
   * answer is written here, before any resource runs.
   */
  private static AuthenticationStatus passwordChangeRequired(HttpServletResponse response) {
    try {
      Problems.write(
          response,
          Problems.response(
              403,
              "password change required",
              "Choose a new password with PUT " + OWN_PASSWORD + " first"));
      return AuthenticationStatus.SEND_CONTINUE;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isOwnPasswordChange(HttpServletRequest request) {
    return "PUT".equals(request.getMethod()) && OWN_PASSWORD.equals(path(request));
  }

  /** An Ajax request is told to redirect in the partial-response form Faces understands. */
  private static AuthenticationStatus toPage(
      String page, HttpServletRequest request, HttpMessageContext context) {
    String target = request.getContextPath() + page;
    if (!"partial/ajax".equals(request.getHeader("Faces-Request"))) {
      return context.redirect(target);
    }
    try {
      HttpServletResponse response = context.getResponse();
      response.setContentType("text/xml");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + target
                  + "\"/></partial-response>");
      return AuthenticationStatus.SEND_CONTINUE;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = path(request);
    return path.startsWith("/api/") || OperationsAccess.covers(path);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static UsernamePasswordCredential basicCredential(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    return new UsernamePasswordCredential(
        decoded.substring(0, colon), decoded.substring(colon + 1));
  }
}
