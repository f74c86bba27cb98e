package app.custodian.security.control;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * Short signed tokens naming one sent message by its message key, for the envelope sender of the
 * message ({@code bounces+TOKEN@example.vn}, VERP): 24 characters of {@code [A-Za-z0-9_-]}, the key
 * and an 80-bit HMAC-SHA256 tag under a key used for nothing else. A returned email whose token
 * verifies names a message Custodian sent; nobody without the key can make one name another
 * message. Tokens are case-sensitive. Thread-safe.
 */
public final class MessageKeyTokens {

  /** The length of every token. */
  public static final int LENGTH = 24;

  private static final int MAC_BYTES = 10;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final BlindIndex mac;

  /**
   * @param key at least 32 bytes, used for nothing else
   */
  public MessageKeyTokens(byte[] key) {
    this.mac = new BlindIndex(key);
  }

  public String issue(long messageKey) {
    byte[] body = ByteBuffer.allocate(Long.BYTES).putLong(messageKey).array();
    byte[] token = Arrays.copyOf(body, Long.BYTES + MAC_BYTES);
    System.arraycopy(signature(body), 0, token, Long.BYTES, MAC_BYTES);
    return ENCODER.encodeToString(token);
  }

  /** The message key of a genuine token; empty for anything forged, altered or malformed. */
  public OptionalLong verify(String token) {
    if (token == null || token.length() != LENGTH) {
      return OptionalLong.empty();
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(token);
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
    byte[] body = Arrays.copyOf(bytes, Long.BYTES);
    byte[] given = Arrays.copyOfRange(bytes, Long.BYTES, bytes.length);
    if (!MessageDigest.isEqual(given, signature(body))) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(ByteBuffer.wrap(body).getLong());
  }

  private byte[] signature(byte[] body) {
    return Arrays.copyOf(mac.mac(body), MAC_BYTES);
  }
}
