package app.custodian.security.boundary.web;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.security.boundary.StaffAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The login form. A wrong password and a locked account get the same answer, so the form tells
 * nobody which accounts exist or are locked.
 */
@Named
@RequestScoped
public class LoginScreen {

  @Inject SecurityContext security;
  @Inject PortalSession session;
  @Inject PortalMessages messages;
  @Inject AuditTrail audit;

  private String username;
  private String password;

  public void signIn() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, password)));
    password = null;
    if (status == AuthenticationStatus.SUCCESS) {
      session.signedIn(username);
      audit.recordAs(username, "PORTAL_SIGNED_IN", null, null);
      external.redirect(external.getRequestContextPath() + "/");
    } else if (status != AuthenticationStatus.SEND_CONTINUE) {
      messages.error("login.failed");
    }
  }

  /** Ends the session; the next request starts a new one at the login page. */
  public void signOut() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    String who = session.getUsername();
    if (who != null) {
      audit.recordAs(who, "PORTAL_SIGNED_OUT", null, null);
    }
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + StaffAuthentication.LOGIN_PAGE + "?out");
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
