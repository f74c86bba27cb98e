package app.custodian.security.control;

import java.time.Instant;
import java.util.Set;

/**
 * What a sign-in needs to know of an account, read in one short transaction so the slow password
 * check runs outside any transaction and holds no lock.
 */
public record SignInState(
    String accountId,
    String passwordHash,
    Set<String> roles,
    boolean disabled,
    Instant lockedUntil,
    boolean passwordMustChange) {

  public SignInState {
    roles = Set.copyOf(roles);
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Not disabled and not locked: a password may be checked against it. */
  public boolean openAt(Instant now) {
    return !disabled && !lockedAt(now);
  }
}
