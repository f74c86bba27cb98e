package app.custodian.security.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * with base64 salt and hash. A hash keeps the count it was made with, so hashes made at an older,
 * lower count still verify, and {@link #needsRehash} tells when to replace one. Thread-safe.
 */
public class PasswordHasher {

  /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023-). */
  public static final int DEFAULT_ITERATIONS = 600_000;

  private static final String PREFIX = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_LENGTH = 16;
  private static final int HASH_LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] PADDING = "padding".toCharArray();
  private static final byte[] PADDING_SALT = new byte[SALT_LENGTH];

  private final int iterations;

  public PasswordHasher() {
    this(DEFAULT_ITERATIONS);
  }

  public PasswordHasher(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive");
    }
    this.iterations = iterations;
  }

  public String hash(char[] password) {
    Objects.requireNonNull(password, "password");
    byte[] salt = new byte[SALT_LENGTH];
    RANDOM.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, iterations, HASH_LENGTH);
    Base64.Encoder base64 = Base64.getEncoder();
    return String.join(
        "$",
        PREFIX,
        Integer.toString(iterations),
        base64.encodeToString(salt),
        base64.encodeToString(hash));
  }

  /**
   * False for a wrong password and for a stored value that is not in the expected format. Costs at
   * least this hasher's count whatever is stored, so a hash made at a lower count, or a malformed
   * one, does not answer sooner than a current one.
   */
  public boolean verify(char[] password, String stored) {
    int spent = 0;
    boolean matches = false;
    String[] parts = stored == null ? new String[0] : stored.split("\\$", -1);
    if (password != null && parts.length == 4 && parts[0].equals(PREFIX)) {
      try {
        int storedIterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        if (storedIterations >= 1 && salt.length > 0 && expected.length > 0) {
          byte[] actual = pbkdf2(password, salt, storedIterations, expected.length);
          spent = storedIterations;
          matches = MessageDigest.isEqual(actual, expected);
        }
      } catch (IllegalArgumentException e) { // also covers NumberFormatException
        matches = false;
      }
    }
    if (spent < iterations) {
      pbkdf2(PADDING, PADDING_SALT, iterations - spent, HASH_LENGTH);
    }
    return matches;
  }

  /** The count a stored hash was made with; 0 when it is not in the expected format. */
  public static int iterationsOf(String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(parts[1]));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** True when the stored hash was made at a lower count than this hasher's (or is unreadable). */
  public boolean needsRehash(String stored) {
    return iterationsOf(stored) < iterations;
  }

  public int iterations() {
    return iterations;
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int length) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, length * 8);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is not available", e);
    } finally {
      spec.clearPassword();
    }
  }
}
