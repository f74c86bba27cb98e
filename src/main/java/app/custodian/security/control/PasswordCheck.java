package app.custodian.security.control;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a password against an account's state with exactly one full-cost hash whatever the
 * outcome: an unknown or disabled account is checked against a dummy hash made at the same count,
 * so the time of the answer does not tell which it was. A locked account is checked against its own
 * hash, at the same cost, only so that a wrong guess can be told from the right password: both are
 * refused alike, but only a wrong guess counts and lengthens the lock, so the owner retrying their
 * right password does not keep themself locked out.
 */
public final class PasswordCheck {

  /** Why a sign-in was refused, or that it was not. */
  public enum Outcome {
    ACCEPTED,
    /** A wrong password, whether the account is locked or not: the one outcome that counts. */
    WRONG_PASSWORD,
    /** The right password, refused because the account is locked. */
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
    if (!hasher.verify(password, state.passwordHash())) {
      return Outcome.WRONG_PASSWORD;
    }
    return state.lockedAt(now) ? Outcome.LOCKED : Outcome.ACCEPTED;
  }

  public PasswordHasher hasher() {
    return hasher;
  }
}
