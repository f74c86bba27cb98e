package app.custodian.security.boundary;

import app.custodian.platform.control.Cluster;
import app.custodian.platform.control.ProblemException;
import app.custodian.security.control.PasswordCheck;
import app.custodian.security.control.PasswordCheck.Outcome;
import app.custodian.security.control.RecentLogins;
import app.custodian.security.control.SignInState;
import jakarta.annotation.PostConstruct;
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
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Checks staff credentials against the account table; the groups are the account's roles.
 *
 * <p>The account's state is read fresh on every request, so a disabled or locked account, or a
 * changed password, is refused at once on every node. Credentials verified a moment ago are
 * remembered with the hash they matched, which spares HTTP Basic the slow hash on each request but
 * never decides alone. The slow hash runs outside any transaction; its outcome is written by {@link
 * AccountService} under a row lock. Any account change makes every node of the cluster forget the
 * credentials it remembers, at once.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  /** Where a sign-in came from, as the audit trail names it. */
  public static final String API = "api";

  public static final String PORTAL = "portal";
  static final String PASSWORD_CHANGE = "password-change";

  /** Who signed in, with what roles, and whether they must first choose a new password. */
  public record StaffLogin(String username, Set<String> roles, boolean passwordMustChange) {}

  /** The cluster topic on which an account change reaches every node. */
  static final String ACCOUNTS_CHANGED = "accounts-changed";

  @Inject AccountService accounts;
  @Inject Cluster cluster;

  Clock clock = Clock.systemUTC();

  private final PasswordCheck check = new PasswordCheck(AccountService.HASHER);
  final RecentLogins<String> recent =
      new RecentLogins<>(Duration.ofMinutes(1), 10_000, Clock.systemUTC());

  @PostConstruct
  void forgetOnEveryChange() {
    cluster.subscribe(ACCOUNTS_CHANGED, change -> recent.clear());
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return signIn(login.getCaller(), login.getPassword().getValue(), API)
        .map(staff -> new CredentialValidationResult(staff.username(), staff.roles()))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }

  /** Every refusal is counted against the account and audited. */
  public Optional<StaffLogin> signIn(String username, char[] password, String channel) {
    Instant now = clock.instant();
    Optional<SignInState> state = accounts.signInState(username);
    if (state.isPresent()
        && state.get().openAt(now)
        && recent.find(username, password).filter(state.get().passwordHash()::equals).isPresent()) {
      return Optional.of(loginOf(username, state.get()));
    }
    Outcome outcome = check.check(state, password, now);
    Optional<SignInState> signedIn = Optional.empty();
    if (outcome == Outcome.ACCEPTED) {
      SignInState checked = state.get();
      signedIn =
          accounts.recordSuccess(checked.accountId(), checked.passwordHash(), password, channel);
    } else {
      accounts.recordFailure(state.map(SignInState::accountId).orElse(null), outcome, channel);
    }
    signedIn.ifPresent(s -> recent.remember(username, password, s.passwordHash()));
    return signedIn.map(s -> loginOf(username, s));
  }

  /**
   * The signed-in person's password change. A wrong current password is a refused sign-in like any
   * other: counted, audited, and refused while the account is locked.
   */
  public void changePassword(String username, char[] currentPassword, char[] newPassword) {
    AccountService.requireStrong("newPassword", newPassword);
    if (signIn(username, currentPassword, PASSWORD_CHANGE).isEmpty()) {
      throw ProblemException.invalid("currentPassword", "is not your current password");
    }
    accounts.changeOwnPassword(username, newPassword);
    forgetEverywhere();
  }

  /**
   * Roles, password, lock or state changed: credentials remembered a moment ago are forgotten, on
   * every node.
   */
  void accountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged change) {
    forgetEverywhere();
  }

  private void forgetEverywhere() {
    recent.clear(); // here at once, even before the message comes round
    cluster.publish(ACCOUNTS_CHANGED, "");
  }

  private static StaffLogin loginOf(String username, SignInState state) {
    return new StaffLogin(username, state.roles(), state.passwordMustChange());
  }
}
