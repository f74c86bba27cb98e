package app.custodian.security.boundary;

import app.custodian.security.control.RecentLogins;
import app.custodian.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** Checks staff credentials against the account table; the groups are the account's roles. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @Inject AccountService accounts;

  private final RecentLogins<Set<String>> recent =
      new RecentLogins<>(Duration.ofMinutes(1), 10_000, Clock.systemUTC());

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String username = login.getCaller();
    char[] password = login.getPassword().getValue();
    Set<String> roles =
        recent
            .find(username, password)
            .orElseGet(
                () -> accounts.authenticate(username, password).map(Role::namesOf).orElse(null));
    if (roles == null) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    recent.remember(username, password, roles);
    return new CredentialValidationResult(username, roles);
  }

  /** Roles, password or lock changed: credentials remembered a moment ago may no longer hold. */
  void accountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged change) {
    recent.clear();
  }
}
