package app.custodian.privacy.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The rules of the one-time verification code: six digits, stored only as an HMAC, dead after its
 * expiry or after too many wrong tries.
 */
public final class CodeCheck {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a code given by the person leads to. */
  public enum Outcome {
    /** The code is right and alive: the identity is verified. */
    VERIFIED,
    /** A wrong code, counted as an attempt. */
    WRONG,
    /** Expired or out of attempts: a new code must be sent. */
    DEAD,
    /** No code was ever sent for this request. */
    NONE
  }

  private CodeCheck() {}

  /** Six random digits, leading zeros kept. */
  public static String newCode() {
    return "%06d".formatted(RANDOM.nextInt(1_000_000));
  }

  /** Whether the text has the shape of a code at all. */
  public static boolean wellFormed(String code) {
    return code != null && code.strip().matches("[0-9]{6}");
  }

  /**
   * @param storedHash the HMAC of the code that was sent, or null when none was
   * @param givenHash the HMAC of the code the person gave
   * @param attempts wrong tries so far
   */
  public static Outcome decide(
      String storedHash,
      Instant expiresAt,
      int attempts,
      int maxAttempts,
      String givenHash,
      Instant now) {
    if (storedHash == null) {
      return Outcome.NONE;
    }
    if (attempts >= maxAttempts || !now.isBefore(expiresAt)) {
      return Outcome.DEAD;
    }
    boolean same =
        MessageDigest.isEqual(
            storedHash.getBytes(StandardCharsets.US_ASCII),
            givenHash.getBytes(StandardCharsets.US_ASCII));
    return same ? Outcome.VERIFIED : Outcome.WRONG;
  }
}
