package app.custodian.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountTest {

  private final Instant now = Instant.parse("2026-11-23T00:00:00Z");

  private Account account() {
    return new Account("op", "hash", EnumSet.of(Role.OPERATOR), now);
  }

  @Test
  void twoFailuresDoNotLock() {
    Account account = account();
    account.recordFailedLogin(now);
    account.recordFailedLogin(now);
    assertFalse(account.lockedAt(now));
  }

  @Test
  void theLockDoublesWithEachFurtherFailureUpToFifteenMinutes() {
    Account account = account();
    for (int i = 0; i < 3; i++) {
      account.recordFailedLogin(now);
    }
    assertEquals(now.plusSeconds(1), account.lockedUntil());
    account.recordFailedLogin(now);
    assertEquals(now.plusSeconds(2), account.lockedUntil());
    account.recordFailedLogin(now);
    assertEquals(now.plusSeconds(4), account.lockedUntil());
    for (int i = 0; i < 30; i++) {
      account.recordFailedLogin(now);
    }
    assertEquals(now.plus(Duration.ofMinutes(15)), account.lockedUntil());
    assertTrue(account.lockedAt(now.plus(Duration.ofMinutes(14))));
    assertFalse(account.lockedAt(now.plus(Duration.ofMinutes(15))));
  }

  @Test
  void failuresWhileLockedCountAndNeverShortenTheLock() {
    Account account = account();
    for (int i = 0; i < 40; i++) {
      account.recordFailedLogin(now);
    }
    assertEquals(40, account.failedLogins());
    assertEquals(now.plus(Duration.ofMinutes(15)), account.lockedUntil());
    account.recordFailedLogin(now.minusSeconds(60)); // a slow attempt that began earlier
    assertEquals(41, account.failedLogins());
    assertEquals(now.plus(Duration.ofMinutes(15)), account.lockedUntil());
  }

  @Test
  void aDisabledAccountCanBeEnabledAgainAndAChosenPasswordEndsTheDemandToChangeIt() {
    Account account = account();
    account.disable();
    assertTrue(account.disabled());
    account.enable();
    assertFalse(account.disabled());
    account.requirePasswordChange();
    assertTrue(account.passwordMustChange());
    account.rehash("same password, higher count");
    assertTrue(account.passwordMustChange(), "a rehash is not a change");
    account.changePassword("chosen");
    assertFalse(account.passwordMustChange());
  }

  @Test
  void aSuccessfulLoginClearsTheFailures() {
    Account account = account();
    for (int i = 0; i < 4; i++) {
      account.recordFailedLogin(now);
    }
    account.recordSuccessfulLogin();
    assertFalse(account.lockedAt(now));
    account.recordFailedLogin(now);
    assertFalse(account.lockedAt(now), "counting starts again");
  }

  @Test
  void anAccountNeedsARole() {
    assertThrows(IllegalArgumentException.class, () -> new Account("x", "h", Set.of(), now));
  }

  @Test
  void rolesRoundTripThroughTheColumn() {
    RolesConverter converter = new RolesConverter();
    String column = converter.convertToDatabaseColumn(EnumSet.of(Role.AUDITOR, Role.ADMIN));
    assertEquals("ADMIN,AUDITOR", column);
    assertEquals(EnumSet.of(Role.ADMIN, Role.AUDITOR), converter.convertToEntityAttribute(column));
  }

  @Test
  void aNewPasswordLiftsTheLockAndRolesCanBeReplacedButNotEmptied() {
    Account account = account();
    for (int i = 0; i < 5; i++) {
      account.recordFailedLogin(now);
    }
    assertTrue(account.lockedAt(now));
    account.changePassword("new hash");
    assertFalse(account.lockedAt(now));
    assertEquals("new hash", account.passwordHash());

    account.grant(EnumSet.of(Role.AUDITOR, Role.MARKETING));
    assertEquals(EnumSet.of(Role.AUDITOR, Role.MARKETING), account.roles());
    assertThrows(IllegalArgumentException.class, () -> account.grant(Set.of()));
  }

  @Test
  void thePortalSpeaksVietnameseUnlessEnglishIsChosen() {
    Account account = account();
    assertEquals("vi", account.language());
    account.speak("en");
    assertEquals("en", account.language());
    assertThrows(IllegalArgumentException.class, () -> account.speak("fr"));
  }
}
