package app.custodian.security.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.platform.control.ProblemException;
import app.custodian.security.control.PasswordHasher;
import app.custodian.security.entity.Account;
import app.custodian.security.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Staff accounts: creation and password checks. */
@Stateless
public class AccountService {

  private static final PasswordHasher HASHER = new PasswordHasher();

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject Event<AccountChanged> changes;

  Clock clock = Clock.systemUTC();

  public AccountView create(String username, char[] password, Set<Role> roles) {
    if (find(username).isPresent()) {
      throw ProblemException.conflict("An account named " + username + " exists already");
    }
    Account account = new Account(username, HASHER.hash(password), roles, clock.instant());
    em.persist(account);
    audit.record("ACCOUNT_CREATED", null, "account " + account.id() + " roles " + roles);
    return AccountView.of(account);
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

  /** The roles of the account when the password is right and the account is not locked. */
  public Optional<Set<Role>> authenticate(String username, char[] password) {
    Optional<Account> found = find(username);
    if (found.isEmpty()) {
      HASHER.hash(password); // the same work as a real check, so timing tells nothing
      return Optional.empty();
    }
    Account account = found.get();
    if (account.lockedAt(clock.instant())) {
      return Optional.empty();
    }
    if (!HASHER.verify(password, account.passwordHash())) {
      account.recordFailedLogin(clock.instant());
      return Optional.empty();
    }
    account.recordSuccessfulLogin();
    return Optional.of(account.roles());
  }

  /** Replaces the account's roles; they apply from its next sign-in. */
  public AccountView grant(String id, Set<Role> roles) {
    if (roles.isEmpty()) {
      throw ProblemException.invalid("roles", "must name at least one role");
    }
    Account account = byId(id);
    account.grant(roles);
    audit.record("ACCOUNT_ROLES_CHANGED", null, "account " + id + " roles " + roles);
    changes.fire(new AccountChanged(id));
    return AccountView.of(account);
  }

  /** Sets a new password (an admin's reset), which also lifts a lockout. */
  public void resetPassword(String id, char[] password) {
    if (password.length < AccountInput.PASSWORD_MIN
        || password.length > AccountInput.PASSWORD_MAX) {
      throw ProblemException.invalid("password", AccountInput.PASSWORD_RULE);
    }
    byId(id).changePassword(HASHER.hash(password));
    audit.record("ACCOUNT_PASSWORD_RESET", null, "account " + id);
    changes.fire(new AccountChanged(id));
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

  /** The roles of an existing account, by name, whether or not it is locked. */
  public Optional<Set<String>> roleNames(String username) {
    return find(username).map(account -> Role.namesOf(account.roles()));
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
}
