package app.custodian.security.boundary.web;

import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.platform.control.ProblemException;
import app.custodian.security.boundary.AccountIdentityStore;
import app.custodian.security.boundary.AccountService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;

/**
 * The signed-in person changes their own password, by the same rules as {@code PUT
 * /api/v1/me/password}. An account whose password must change sees only this screen.
 */
@Named
@RequestScoped
public class PasswordScreen {

  @Inject AccountIdentityStore identityStore;
  @Inject AccountService accounts;
  @Inject PortalMessages messages;

  private String currentPassword;
  private String newPassword;
  private String repeatPassword;
  private boolean changed;

  public void change() {
    String username = username();
    changed =
        messages.attempt(
            () -> {
              if (!Arrays.equals(chars(newPassword), chars(repeatPassword))) {
                throw ProblemException.invalid(
                    "repeatPassword", messages.text("password.mismatch"));
              }
              identityStore.changePassword(username, chars(currentPassword), chars(newPassword));
            });
    currentPassword = newPassword = repeatPassword = null;
  }

  /** True until the generated password is replaced. */
  public boolean isMustChange() {
    return !changed
        && accounts.signInState(username()).map(s -> s.passwordMustChange()).orElse(false);
  }

  public boolean isChanged() {
    return changed;
  }

  private static String username() {
    return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
  }

  private static char[] chars(String value) {
    return value == null ? new char[0] : value.toCharArray();
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getRepeatPassword() {
    return repeatPassword;
  }

  public void setRepeatPassword(String repeatPassword) {
    this.repeatPassword = repeatPassword;
  }
}
