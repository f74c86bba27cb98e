package app.custodian.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.custodian.security.control.PasswordCheck.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every outcome costs one verify at the full count: a dummy one when there is no account to check,
 * or it is disabled.
 */
class PasswordCheckTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  /** Records the stored hash each verify was made against. */
  private static final class RecordingHasher extends PasswordHasher {
    final List<String> verified = new ArrayList<>();

    RecordingHasher() {
      super(1000);
    }

    @Override
    public boolean verify(char[] password, String stored) {
      verified.add(stored);
      return super.verify(password, stored);
    }
  }

  private RecordingHasher hasher;
  private PasswordCheck check;
  private String realHash;
  private String dummyHash;

  @BeforeEach
  void setUp() {
    hasher = new RecordingHasher();
    check = new PasswordCheck(hasher);
    realHash = hasher.hash("the right password".toCharArray());
    // the dummy hash is whatever an unknown account is checked against
    check.check(Optional.empty(), "x".toCharArray(), NOW);
    dummyHash = hasher.verified.remove(0);
  }

  @Test
  void theDummyIsAHashAtTheSameCountAndNotTheAccounts() {
    assertEquals(1000, PasswordHasher.iterationsOf(dummyHash));
    assertNotEquals(realHash, dummyHash);
  }

  @Test
  void anUnknownAccountIsCheckedAgainstTheDummy() {
    assertEquals(
        Outcome.UNKNOWN, check.check(Optional.empty(), "the right password".toCharArray(), NOW));
    assertEquals(List.of(dummyHash), hasher.verified);
  }

  @Test
  void aLockedAccountIsCheckedAgainstItsOwnHashAndRefusesEvenTheRightPassword() {
    SignInState locked = state(false, NOW.plusSeconds(30));
    assertEquals(
        Outcome.LOCKED, check.check(Optional.of(locked), "the right password".toCharArray(), NOW));
    assertEquals(
        Outcome.WRONG_PASSWORD, check.check(Optional.of(locked), "a guess".toCharArray(), NOW));
    assertEquals(List.of(realHash, realHash), hasher.verified);
  }

  @Test
  void aDisabledAccountIsCheckedAgainstTheDummyEvenWithTheRightPassword() {
    SignInState disabled = state(true, null);
    assertEquals(
        Outcome.DISABLED,
        check.check(Optional.of(disabled), "the right password".toCharArray(), NOW));
    assertEquals(List.of(dummyHash), hasher.verified);
  }

  @Test
  void anOpenAccountIsCheckedAgainstItsOwnHashOnce() {
    SignInState open = state(false, NOW.minusSeconds(1));
    assertEquals(
        Outcome.WRONG_PASSWORD, check.check(Optional.of(open), "a guess".toCharArray(), NOW));
    assertEquals(
        Outcome.ACCEPTED, check.check(Optional.of(open), "the right password".toCharArray(), NOW));
    assertEquals(List.of(realHash, realHash), hasher.verified);
    assertFalse(hasher.verified.contains(dummyHash));
  }

  private SignInState state(boolean disabled, Instant lockedUntil) {
    return new SignInState("id-1", realHash, Set.of("OPERATOR"), disabled, lockedUntil, false);
  }
}
