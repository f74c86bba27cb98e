package app.custodian.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(1000);

  @Test
  void verifiesTheRightPasswordOnly() {
    String stored = hasher.hash("correct horse".toCharArray());
    assertTrue(hasher.verify("correct horse".toCharArray(), stored));
    assertFalse(hasher.verify("correct horsE".toCharArray(), stored));
    assertFalse(hasher.verify("".toCharArray(), stored));
  }

  @Test
  void verifiesNonAsciiPasswords() {
    String stored = hasher.hash("mật khẩu bí mật".toCharArray());
    assertTrue(hasher.verify("mật khẩu bí mật".toCharArray(), stored));
    assertFalse(hasher.verify("mat khau bi mat".toCharArray(), stored));
  }

  @Test
  void hasTheDocumentedFormat() {
    String[] parts = hasher.hash("pw".toCharArray()).split("\\$");
    assertEquals(4, parts.length);
    assertEquals("pbkdf2-sha256", parts[0]);
    assertEquals("1000", parts[1]);
    assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
    assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
  }

  @Test
  void defaultIterationCountIsOwaspsCurrent600000() {
    assertEquals(600_000, PasswordHasher.DEFAULT_ITERATIONS);
    assertEquals(600_000, new PasswordHasher().iterations());
  }

  @Test
  void aHashMadeAtALowerCountStillVerifiesAndAsksToBeRehashed() {
    String old = new PasswordHasher(500).hash("pw".toCharArray());
    assertEquals(500, PasswordHasher.iterationsOf(old));
    assertTrue(hasher.verify("pw".toCharArray(), old));
    assertTrue(hasher.needsRehash(old));

    String current = hasher.hash("pw".toCharArray());
    assertEquals(1000, PasswordHasher.iterationsOf(current));
    assertFalse(hasher.needsRehash(current));
    assertFalse(hasher.needsRehash(new PasswordHasher(2000).hash("pw".toCharArray())));
  }

  @Test
  void aHashAtTheFormerCountOf210000StillVerifiesAndIsReplacedAtTheCurrentCount() {
    String legacy = new PasswordHasher(210_000).hash("old password".toCharArray());
    PasswordHasher current = new PasswordHasher();
    assertTrue(current.verify("old password".toCharArray(), legacy));
    assertFalse(current.verify("wrong".toCharArray(), legacy));
    assertTrue(current.needsRehash(legacy));
    assertEquals(600_000, PasswordHasher.iterationsOf(current.hash("new".toCharArray())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "pbkdf2-sha256$abc$c2FsdA==$aGFzaA==", "x$1$2$3"})
  void anUnreadableStoredValueCountsAsZeroAndAsksToBeReplaced(String stored) {
    assertEquals(0, PasswordHasher.iterationsOf(stored));
    assertTrue(hasher.needsRehash(stored));
  }

  @Test
  void samePasswordGetsDifferentSaltsAndHashes() {
    String first = hasher.hash("pw".toCharArray());
    String second = hasher.hash("pw".toCharArray());
    assertNotEquals(first.split("\\$")[2], second.split("\\$")[2]);
    assertNotEquals(first.split("\\$")[3], second.split("\\$")[3]);
  }

  @Test
  void readsTheIterationCountFromTheStoredValue() {
    String stored = new PasswordHasher(1500).hash("pw".toCharArray());
    assertTrue(hasher.verify("pw".toCharArray(), stored));
  }

  @Test
  void tamperedStoredValueDoesNotVerify() {
    String stored = hasher.hash("pw".toCharArray());
    String[] parts = stored.split("\\$");

    byte[] hash = Base64.getDecoder().decode(parts[3]);
    hash[0] ^= 1;
    String tamperedHash = String.join("$", parts[0], parts[1], parts[2], encode(hash));
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    salt[0] ^= 1;
    String tamperedSalt = String.join("$", parts[0], parts[1], encode(salt), parts[3]);
    String tamperedIterations = String.join("$", parts[0], "1001", parts[2], parts[3]);

    assertFalse(hasher.verify("pw".toCharArray(), tamperedHash));
    assertFalse(hasher.verify("pw".toCharArray(), tamperedSalt));
    assertFalse(hasher.verify("pw".toCharArray(), tamperedIterations));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "garbage",
        "pbkdf2-sha256$1000$c2FsdA==",
        "pbkdf2-sha1$1000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
        "pbkdf2-sha256$abc$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
        "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
        "pbkdf2-sha256$-5$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
        "pbkdf2-sha256$1000$not base64!$aGFzaA==",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$",
        "pbkdf2-sha256$1000$$aGFzaA==",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==$extra"
      })
  void malformedStoredValueDoesNotVerify(String stored) {
    assertFalse(hasher.verify("pw".toCharArray(), stored));
  }

  @Test
  void nullInputsDoNotVerify() {
    assertFalse(hasher.verify("pw".toCharArray(), null));
    assertFalse(hasher.verify(null, hasher.hash("pw".toCharArray())));
  }

  @Test
  void rejectsNonPositiveIterationCounts() {
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
  }

  private static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
