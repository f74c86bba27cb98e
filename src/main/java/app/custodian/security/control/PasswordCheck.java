package app.custodian.security.control;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a password against an account's state with exactly one full-cost hash whatever the
 * outcome: an unknown, locked or disabled account is checked against a dummy hash made at the same
 * count, so the time of the answer does not tell which it was.
 */
public final class PasswordCheck {

  /** Why a sign-in was refused, or that it was not. */
  public enum Outcome {
    ACCEPTED,
    WRONG_PASSWORD,
    LOCKED,
    DISABLED,
    UNKNOWN
  }

  private final PasswordHasher hasher;
  private final String dummyHash;

  public PasswordCheck(PasswordHasher hasher) {
    this.hasher = hasher;
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    this.dummyHash = hasher.hash(Base64.getEncoder().encodeToString(random).toCharArray());
  }

  public Outcome check(Optional<SignInState> account, char[] password, Instant now) {
    if (account.isEmpty()) {
      hasher.verify(password, dummyHash);
      return Outcome.UNKNOWN;
    }
    SignInState state = account.get();
    if (state.disabled()) {
      hasher.verify(password, dummyHash);
      return Outcome.DISABLED;
    }
    if (state.lockedAt(now)) {
      hasher.verify(password, dummyHash);
      return Outcome.LOCKED;
    }
    return hasher.verify(password, state.passwordHash())
        ? Outcome.ACCEPTED
        : Outcome.WRONG_PASSWORD;
  }

  public PasswordHasher hasher() {
    return hasher;
  }
}
