package app.custodian.testing;

import java.security.SecureRandom;
import java.util.Base64;

/** Keys as the launch contract takes them: base64 of 32 random bytes. */
public final class TestKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestKeys() {}

  public static String random() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
