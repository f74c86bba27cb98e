package app.custodian.security.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque tokens for links in emails: a customer id, the second the token was issued and a scope (a
 * purpose, say), signed with HMAC-SHA256. They carry no personal data and cannot be altered without
 * the key. Expiry is the scope's business: an unsubscribe link must keep working, a confirmation
 * link must not. Tokens of the first version, without an issue time, are still read. Thread-safe.
 */
public final class SignedTokens {

  private static final byte UNDATED = 1;
  private static final byte DATED = 2;
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

  /**
   * What a valid token says; {@code issuedAt} is null for a token of the first version, issued
   * before tokens carried their time.
   */
  public record Claims(String customerId, String scope, Instant issuedAt) {

    public boolean issuedWithin(Instant now, Duration validity) {
      return issuedAt != null && !issuedAt.isAfter(now) && now.isBefore(issuedAt.plus(validity));
    }
  }

  /** A token issued now. */
  public String issue(String customerId, String scope) {
    return issue(customerId, scope, Instant.now());
  }

  public String issue(String customerId, String scope, Instant issuedAt) {
    UUID id = UUID.fromString(Objects.requireNonNull(customerId, "customerId"));
    byte[] scopeBytes = Objects.requireNonNull(scope, "scope").getBytes(StandardCharsets.US_ASCII);
    if (scopeBytes.length == 0 || scopeBytes.length > MAX_SCOPE_BYTES) {
      throw new IllegalArgumentException("scope must have 1 to 64 characters");
    }
    ByteBuffer payload = ByteBuffer.allocate(1 + 16 + Long.BYTES + scopeBytes.length);
    payload.put(DATED).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    payload.putLong(issuedAt.getEpochSecond());
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
    int header = bytes.length == 0 ? 0 : headerLength(bytes[0]);
    if (header == 0
        || bytes.length < header + 1 + MAC_BYTES
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
    Instant issuedAt = bytes[0] == DATED ? Instant.ofEpochSecond(payload.getLong()) : null;
    String scope = new String(body, header, body.length - header, StandardCharsets.US_ASCII);
    return Optional.of(new Claims(id.toString(), scope, issuedAt));
  }

  /** The bytes before the scope: version, customer id and, from version 2, the issue time. */
  private static int headerLength(byte version) {
    return switch (version) {
      case UNDATED -> 1 + 16;
      case DATED -> 1 + 16 + Long.BYTES;
      default -> 0;
    };
  }

  private byte[] signature(byte[] body) {
    return Arrays.copyOf(mac.mac(body), MAC_BYTES);
  }
}
