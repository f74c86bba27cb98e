package app.custodian.security.entity;

import app.custodian.platform.control.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A staff account. Repeated failed logins lock it for a time that doubles with each failure, up to
 * 15 minutes; every wrong password counts, also one given while it is locked. A disabled account
 * cannot sign in at all.
 */
@Entity
@Table(name = "account")
@NamedQuery(
    name = Account.BY_USERNAME,
    query = "select a from Account a where a.username = :username")
public class Account {

  public static final String BY_USERNAME = "Account.byUsername";
  static final int FREE_FAILURES = 3;
  static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
  public static final Set<String> LANGUAGES = Set.of("vi", "en");

  @Id private String id;

  private String username;

  @Column(name = "password_hash")
  private String passwordHash;

  @Convert(converter = RolesConverter.class)
  private Set<Role> roles;

  @Column(name = "failed_logins")
  private int failedLogins;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "created_at")
  private Instant createdAt;

  /** The portal's language for this person: {@code vi} or {@code en}. */
  private String language = "vi";

  private boolean disabled;

  /** Set for a generated password: the person must choose their own before anything else. */
  @Column(name = "password_must_change")
  private boolean passwordMustChange;

  protected Account() {}

  public Account(String username, String passwordHash, Set<Role> roles, Instant now) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("an account needs at least one role");
    }
    this.id = Ids.newId();
    this.username = Objects.requireNonNull(username);
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.roles = EnumSet.copyOf(roles);
    this.createdAt = now;
  }

  public void grant(Set<Role> newRoles) {
    if (newRoles.isEmpty()) {
      throw new IllegalArgumentException("An account needs at least one role");
    }
    roles = EnumSet.copyOf(newRoles);
  }

  /** A new password chosen or reset: lifts a lockout and any demand to change it. */
  public void changePassword(String newHash) {
    passwordHash = Objects.requireNonNull(newHash);
    passwordMustChange = false;
    unlock();
  }

  /** The same password hashed again, at a higher count. */
  public void rehash(String newHash) {
    passwordHash = Objects.requireNonNull(newHash);
  }

  public void requirePasswordChange() {
    passwordMustChange = true;
  }

  public void disable() {
    disabled = true;
  }

  public void enable() {
    disabled = false;
  }

  public boolean disabled() {
    return disabled;
  }

  public boolean passwordMustChange() {
    return passwordMustChange;
  }

  public int failedLogins() {
    return failedLogins;
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  public void unlock() {
    failedLogins = 0;
    lockedUntil = null;
  }

  public void speak(String language) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("The portal speaks vi or en, not " + language);
    }
    this.language = language;
  }

  public String language() {
    return language;
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Counts a wrong password, also one given while locked, which can only lengthen the lock. */
  public void recordFailedLogin(Instant now) {
    failedLogins++;
    if (failedLogins >= FREE_FAILURES) {
      long seconds = 1L << Math.min(failedLogins - FREE_FAILURES, 20);
      Instant until = now.plus(min(Duration.ofSeconds(seconds), LONGEST_LOCK));
      lockedUntil = lockedUntil == null || until.isAfter(lockedUntil) ? until : lockedUntil;
    }
  }

  public void recordSuccessfulLogin() {
    unlock();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public String id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Set<Role> roles() {
    return EnumSet.copyOf(roles);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }
}
