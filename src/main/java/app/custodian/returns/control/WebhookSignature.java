package app.custodian.returns.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's {@code X-Custodian-Signature: sha256=<hex HMAC-SHA256 of the raw body>}, checked in
 * constant time.
 */
public final class WebhookSignature {

  private static final String PREFIX = "sha256=";

  private final byte[] secret;

  public WebhookSignature(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("no secret");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The header value a sender computes for the body. */
  public String sign(byte[] body) {
    return PREFIX + HexFormat.of().formatHex(mac(body));
  }

  /** Whether the header carries the body's signature; false for a missing or malformed one. */
  public boolean verifies(byte[] body, String header) {
    if (header == null || !header.strip().regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.strip().substring(PREFIX.length()).toLowerCase());
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    return MessageDigest.isEqual(mac(body), given);
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
