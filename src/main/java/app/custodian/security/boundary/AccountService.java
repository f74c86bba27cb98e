package app.custodian.security.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.platform.control.ProblemException;
import app.custodian.security.control.PasswordCheck.Outcome;
import app.custodian.security.control.PasswordHasher;
import app.custodian.security.control.SignInState;
import app.custodian.security.entity.Account;
import app.custodian.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Staff accounts: creation, disabling, passwords, and the record of each sign-in. The password
 * itself is checked outside any transaction ({@link AccountIdentityStore}); what follows from the
 * check is written here under a row lock, so parallel attempts are all counted.
 */
@Stateless
public class AccountService {

  /** Names the audit trail uses for actors who are not staff. */
  static final Set<String> RESERVED_USERNAMES = Set.of("system", "anonymous", "data-subject");

  /** The actor of a refused sign-in: nobody has signed in. */
  static final String NOBODY = "anonymous";

  static final PasswordHasher HASHER = new PasswordHasher();

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject Event<AccountChanged> changes;
  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  public AccountView create(String username, char[] password, Set<Role> roles) {
    if (username != null && RESERVED_USERNAMES.contains(username.toLowerCase(Locale.ROOT))) {
      throw ProblemException.invalid("username", "is reserved");
    }
    if (find(username).isPresent()) {
      throw ProblemException.conflict("An account named " + username + " exists already");
    }
    Account account = new Account(username, HASHER.hash(password), roles, clock.instant());
    em.persist(account);
    audit.record("ACCOUNT_CREATED", null, "account " + account.id() + " roles " + roles);
    return AccountView.of(account);
  }

  /** The first admin's generated password: they must choose their own at their first sign-in. */
  public void requirePasswordChange(String id) {
    byId(id).requirePasswordChange();
  }

  public boolean anyExists() {
    return !em.createQuery("select a.id from Account a").setMaxResults(1).getResultList().isEmpty();
  }

  public Page<AccountView> list(PageRequest page) {
    var accounts =
        em.createQuery("select a from Account a order by a.username", Account.class)
            .setFirstResult(page.offset())
            .setMaxResults(page.size())
            .getResultList();
    long total = em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
    return Page.of(accounts, page, total).map(AccountView::of);
  }

  /** The account as a sign-in or a portal page needs it, read fresh from the database. */
  public Optional<SignInState> signInState(String username) {
    return find(username).map(AccountService::stateOf);
  }

  /**
   * The password was right for {@code checkedHash}: the sign-in holds unless, in the meantime, the
   * account was locked by parallel failures, disabled or given another password. Rehashes a
   * password made at a lower count.
   *
   * @return the account's state after the sign-in, empty when it was refused after all
   */
  public Optional<SignInState> recordSuccess(
      String id, String checkedHash, char[] password, String channel) {
    Account account = em.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      return Optional.empty();
    }
    if (account.disabled()
        || account.lockedAt(clock.instant())
        || !account.passwordHash().equals(checkedHash)) {
      audit.recordAs(
          NOBODY, "SIGN_IN_FAILED", null, detail(account, channel, lateRefusal(account)));
      return Optional.empty();
    }
    account.recordSuccessfulLogin();
    if (HASHER.needsRehash(account.passwordHash())) {
      account.rehash(HASHER.hash(password));
      audit.recordAs(
          account.username(),
          "ACCOUNT_PASSWORD_REHASHED",
          null,
          "account " + id + " iterations " + HASHER.iterations());
    }
    return Optional.of(stateOf(account));
  }

  private Outcome lateRefusal(Account account) {
    if (account.disabled()) {
      return Outcome.DISABLED;
    }
    return account.lockedAt(clock.instant()) ? Outcome.LOCKED : Outcome.WRONG_PASSWORD;
  }

  /**
   * A refused sign-in, audited with the account's id, or as {@code unknown}; never the name typed
   * or the password. A wrong password is counted under a row lock, so parallel guesses all count.
   */
  public void recordFailure(String id, Outcome outcome, String channel) {
    Account account =
        id == null ? null : em.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      audit.recordAs(NOBODY, "SIGN_IN_FAILED", null, "unknown " + channel);
      return;
    }
    if (outcome == Outcome.WRONG_PASSWORD && !account.disabled()) {
      account.recordFailedLogin(clock.instant());
    }
    audit.recordAs(NOBODY, "SIGN_IN_FAILED", null, detail(account, channel, outcome));
  }

  private static String detail(Account account, String channel, Outcome outcome) {
    return "account " + account.id() + " " + channel + " " + outcome;
  }

  /** Replaces the account's roles; they apply from its next request. */
  public AccountView grant(String id, Set<Role> roles) {
    if (roles.isEmpty()) {
      throw ProblemException.invalid("roles", "must name at least one role");
    }
    if (!roles.contains(Role.ADMIN)) {
      keepAnEnabledAdminBesides(id);
    }
    Account account = byId(id);
    account.grant(roles);
    audit.record("ACCOUNT_ROLES_CHANGED", null, "account " + id + " roles " + roles);
    changes.fire(new AccountChanged(id));
    return AccountView.of(account);
  }

  /** Refused at once on every path from now on; the account's portal sessions end. */
  public AccountView disable(String id) {
    Account account = byId(id);
    if (account.username().equals(session.getCallerPrincipal().getName())) {
      throw ProblemException.conflict("An admin cannot disable their own account");
    }
    keepAnEnabledAdminBesides(id);
    account.disable();
    audit.record("ACCOUNT_DISABLED", null, "account " + id);
    changes.fire(new AccountChanged(id));
    return AccountView.of(account);
  }

  public AccountView enable(String id) {
    Account account = byId(id);
    account.enable();
    audit.record("ACCOUNT_ENABLED", null, "account " + id);
    changes.fire(new AccountChanged(id));
    return AccountView.of(account);
  }

  /**
   * Locks every enabled account, in one order so two admins cannot deadlock, then refuses a change
   * that would leave no enabled ADMIN apart from {@code id}; two such changes made at once are
   * judged one after the other.
   */
  private void keepAnEnabledAdminBesides(String id) {
    boolean another =
        em.createQuery(
                "select a from Account a where a.disabled = false order by a.id", Account.class)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .anyMatch(a -> a.isAdmin() && !a.id().equals(id));
    if (!another) {
      throw ProblemException.conflict("There must stay at least one enabled ADMIN account");
    }
  }

  /** Sets a new password (an admin's reset), which also lifts a lockout. */
  public void resetPassword(String id, char[] password) {
    requireStrong("password", password);
    byId(id).changePassword(HASHER.hash(password));
    audit.record("ACCOUNT_PASSWORD_RESET", null, "account " + id);
    changes.fire(new AccountChanged(id));
  }

  /** The signed-in person's new password; the current one was checked by the caller. */
  public void changeOwnPassword(String username, char[] password) {
    Account account = find(username).orElseThrow(() -> ProblemException.notFound("The account"));
    account.changePassword(HASHER.hash(password));
    audit.recordAs(username, "ACCOUNT_PASSWORD_CHANGED", null, "account " + account.id());
    changes.fire(new AccountChanged(account.id()));
  }

  static void requireStrong(String field, char[] password) {
    if (password.length < AccountInput.PASSWORD_MIN
        || password.length > AccountInput.PASSWORD_MAX) {
      throw ProblemException.invalid(field, AccountInput.PASSWORD_RULE);
    }
  }

  public void unlock(String id) {
    byId(id).unlock();
    audit.record("ACCOUNT_UNLOCKED", null, "account " + id);
    changes.fire(new AccountChanged(id));
  }

  private Account byId(String id) {
    Account account = id == null ? null : em.find(Account.class, id);
    if (account == null) {
      throw ProblemException.notFound("Account " + id);
    }
    return account;
  }

  /** The language the portal speaks to this account; Vietnamese unless they chose English. */
  public String language(String username) {
    return find(username).map(Account::language).orElse("vi");
  }

  public void speak(String username, String language) {
    find(username).ifPresent(account -> account.speak(language));
  }

  private Optional<Account> find(String username) {
    return em.createNamedQuery(Account.BY_USERNAME, Account.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  private static SignInState stateOf(Account account) {
    return new SignInState(
        account.id(),
        account.passwordHash(),
        Role.namesOf(account.roles()),
        account.disabled(),
        account.lockedUntil(),
        account.passwordMustChange());
  }
}
