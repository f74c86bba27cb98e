package app.custodian.security.boundary;

import app.custodian.audit.boundary.AuditTrail;
import app.custodian.platform.control.Page;
import app.custodian.platform.control.PageRequest;
import app.custodian.platform.control.ProblemException;
import app.custodian.security.control.PasswordHasher;
import app.custodian.security.entity.Account;
import app.custodian.security.entity.Role;
import jakarta.ejb.Stateless;
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
