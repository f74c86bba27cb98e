package app.custodian.security.boundary.web;

import app.custodian.platform.boundary.web.PagedModel;
import app.custodian.platform.boundary.web.PortalMessages;
import app.custodian.security.boundary.AccountInput;
import app.custodian.security.boundary.AccountService;
import app.custodian.security.boundary.AccountView;
import app.custodian.security.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Staff accounts for ADMIN: create one, change its roles, reset its password, lift a lockout,
 * disable or enable it.
 */
@Named
@ViewScoped
public class AccountsScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AccountService accounts;
  @Inject PortalMessages messages;

  private final PagedModel<AccountView> list =
      new PagedModel<>(page -> accounts.list(page), AccountView::id);
  private String username;
  private String password;
  private List<String> roles = new ArrayList<>();
  private AccountView selected;
  private List<String> selectedRoles = new ArrayList<>();
  private String newPassword;

  /** Checked by the same rules, with the same messages, as {@code POST /api/v1/accounts}. */
  public void create() {
    AccountInput input = new AccountInput();
    input.username = username;
    input.password = password;
    input.roles = roles;
    if (messages.valid(input)) {
      messages
          .attempt(() -> accounts.create(username, password.toCharArray(), Role.setOf(roles)))
          .ifPresent(
              created -> {
                messages.info("accounts.created", created.username());
                username = password = null;
                roles = new ArrayList<>();
              });
    }
  }

  public void select(AccountView account) {
    selected = account;
    selectedRoles = new ArrayList<>(account.roles());
    newPassword = null;
  }

  public void saveRoles() {
    messages
        .attempt(() -> accounts.grant(selected.id(), Role.setOf(selectedRoles)))
        .ifPresent(saved -> messages.info("accounts.rolesSaved", saved.username()));
  }

  public void resetPassword() {
    if (messages.attempt(() -> accounts.resetPassword(selected.id(), chars(newPassword)))) {
      messages.info("accounts.passwordReset", selected.username());
      newPassword = null;
    }
  }

  public void disable(AccountView account) {
    messages
        .attempt(() -> accounts.disable(account.id()))
        .ifPresent(done -> messages.info("accounts.disabled", done.username()));
  }

  public void enable(AccountView account) {
    messages
        .attempt(() -> accounts.enable(account.id()))
        .ifPresent(done -> messages.info("accounts.enabled", done.username()));
  }

  public void unlock(AccountView account) {
    accounts.unlock(account.id());
    messages.info("accounts.unlocked", account.username());
  }

  public List<String> getAllRoles() {
    return EnumSet.allOf(Role.class).stream().map(Enum::name).toList();
  }

  private static char[] chars(String value) {
    return value == null ? new char[0] : value.toCharArray();
  }

  public PagedModel<AccountView> getList() {
    return list;
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

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }

  public AccountView getSelected() {
    return selected;
  }

  public List<String> getSelectedRoles() {
    return selectedRoles;
  }

  public void setSelectedRoles(List<String> selectedRoles) {
    this.selectedRoles = selectedRoles;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }
}
