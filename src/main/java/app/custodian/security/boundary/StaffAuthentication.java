package app.custodian.security.boundary;

import app.custodian.platform.boundary.BasicChallenge;
import app.custodian.platform.boundary.OperationsAccess;
import app.custodian.platform.boundary.StateChangingRequestGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
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
  private static final String SESSION_LOGIN = StaffAuthentication.class.getName();

  /** Who signed in to this portal session. */
  record PortalLogin(String username) implements Serializable {}

  @Inject IdentityStoreHandler identityStores;
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
    Credential credential = basicCredential(request.getHeader("Authorization"));
    if (credential != null) {
      CredentialValidationResult result = identityStores.validate(credential);
      if (result.getStatus() == CredentialValidationResult.Status.VALID) {
        return context.notifyContainerAboutLogin(result);
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
      // Roles are read on every page, so a change by an admin applies at once.
      Optional<Set<String>> roles = accounts.roleNames(login.username());
      if (roles.isPresent()) {
        return context.notifyContainerAboutLogin(login.username(), roles.get());
      }
      session.invalidate();
    }
    if (context.isProtected()) {
      return toLoginPage(request, context);
    }
    return context.doNothing();
  }

  private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context) {
    CredentialValidationResult result =
        identityStores.validate(context.getAuthParameters().getCredential());
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (request.getSession(false) != null) {
      request.changeSessionId(); // no session fixation
    }
    var login = new PortalLogin(result.getCallerPrincipal().getName());
    var session = request.getSession(true);
    session.setAttribute(SESSION_LOGIN, login);
    session.setMaxInactiveInterval((int) Duration.parse(sessionTimeout).toSeconds());
    return context.notifyContainerAboutLogin(result);
  }

  /** An Ajax request is told to redirect in the partial-response form Faces understands. */
  private static AuthenticationStatus toLoginPage(
      HttpServletRequest request, HttpMessageContext context) {
    String target = request.getContextPath() + LOGIN_PAGE;
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
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || OperationsAccess.covers(path);
  }

  private static Credential basicCredential(String header) {
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
