package app.custodian.security.boundary.web;

import app.custodian.security.boundary.AccountService;
import app.custodian.security.entity.Role;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * The signed-in person as the portal sees them: their language and which screens their roles open.
 * The container enforces the same roles on each screen's URL (web.xml); this only decides what to
 * show.
 */
@Named
@SessionScoped
public class PortalSession implements Serializable {

  private static final long serialVersionUID = 1L;
  static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  @Inject AccountService accounts;

  private Locale locale = VIETNAMESE;

  void signedIn(String username) {
    locale = Locale.forLanguageTag(accounts.language(username));
  }

  public Locale getLocale() {
    return locale;
  }

  public String getLanguage() {
    return locale.getLanguage();
  }

  /** Switches the language, and remembers it for the account when someone is signed in. */
  public void speak(String language) {
    locale = Locale.forLanguageTag("en".equals(language) ? "en" : "vi");
    String username = getUsername();
    if (username != null) {
      accounts.speak(username, locale.getLanguage());
    }
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
  }

  public String getUsername() {
    var principal = external().getUserPrincipal();
    return principal == null ? null : principal.getName();
  }

  public String getRoles() {
    return String.join(
        ", ", Arrays.stream(Role.values()).map(Enum::name).filter(this::is).toList());
  }

  public boolean isCustomers() {
    return is("OPERATOR") || is("ADMIN");
  }

  public boolean isCampaigns() {
    return is("MARKETING") || is("ADMIN");
  }

  public boolean isRequests() {
    return isCustomers();
  }

  public boolean isAudit() {
    return is("AUDITOR") || is("ADMIN");
  }

  public boolean isAdmin() {
    return is("ADMIN");
  }

  private boolean is(String role) {
    return external().isUserInRole(role);
  }

  private static ExternalContext external() {
    return FacesContext.getCurrentInstance().getExternalContext();
  }
}
