package app.custodian.security.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque tokens for links in emails: a customer id and a scope (a purpose, say), signed with
 * HMAC-SHA256. They carry no personal data, do not expire (an unsubscribe link must keep working)
 * and cannot be altered without the key. Thread-safe.
 */
public final class SignedTokens {

  private static final byte VERSION = 1;
  private static final int MAC_BYTES = 16;
  private static final int MAX_SCOPE_BYTES = 64;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final BlindIndex mac;

  /**
   * @param key at least 32 bytes, used for nothing else
   */
  public SignedTokens(byte[] key) {
    this.mac = new BlindIndex(key);
  }

  /** What a valid token says. */
  public record Claims(String customerId, String scope) {}

  public String issue(String customerId, String scope) {
    UUID id = UUID.fromString(Objects.requireNonNull(customerId, "customerId"));
    byte[] scopeBytes = Objects.requireNonNull(scope, "scope").getBytes(StandardCharsets.US_ASCII);
    if (scopeBytes.length == 0 || scopeBytes.length > MAX_SCOPE_BYTES) {
      throw new IllegalArgumentException("scope must have 1 to 64 characters");
    }
    ByteBuffer payload = ByteBuffer.allocate(1 + 16 + scopeBytes.length);
    payload.put(VERSION).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    payload.put(scopeBytes);
    byte[] body = payload.array();
    byte[] token = Arrays.copyOf(body, body.length + MAC_BYTES);
    System.arraycopy(signature(body), 0, token, body.length, MAC_BYTES);
    return ENCODER.encodeToString(token);
  }

  /** The claims of a genuine token; empty for anything forged, altered, truncated or malformed. */
  public Optional<Claims> verify(String token) {
    if (token == null || token.length() > 200) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // The last character may carry unused bits: only the one canonical spelling is genuine.
    if (bytes.length < 1 + 16 + 1 + MAC_BYTES
        || bytes[0] != VERSION
        || !ENCODER.encodeToString(bytes).equals(token)) {
      return Optional.empty();
    }
    byte[] body = Arrays.copyOf(bytes, bytes.length - MAC_BYTES);
    byte[] given = Arrays.copyOfRange(bytes, body.length, bytes.length);
    if (!MessageDigest.isEqual(given, signature(body))) {
      return Optional.empty();
    }
    ByteBuffer payload = ByteBuffer.wrap(body, 1, body.length - 1);
    UUID id = new UUID(payload.getLong(), payload.getLong());
    String scope = new String(body, 17, body.length - 17, StandardCharsets.US_ASCII);
    return Optional.of(new Claims(id.toString(), scope));
  }

  private byte[] signature(byte[] body) {
    return Arrays.copyOf(mac.mac(body), MAC_BYTES);
  }
}
