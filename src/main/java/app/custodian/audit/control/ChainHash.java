package app.custodian.audit.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Hash chain over audit entries: each entry's hash covers the previous hash, so altering, removing
 * or reordering an entry breaks every later hash.
 */
public final class ChainHash {

  public static final String GENESIS = "0".repeat(64);

  private static final byte NULL_FIELD = 0;
  private static final byte PRESENT_FIELD = 1;

  private ChainHash() {}

  /** SHA-256, lowercase hex, over a length-prefixed encoding of every field. */
  public static String next(
      String previousHash,
      long sequence,
      Instant at,
      String actor,
      String action,
      UUID customerId,
      String detail) {
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    MessageDigest digest = sha256();
    update(digest, previousHash);
    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(sequence).array());
    // The database keeps microseconds, so hash what survives a round trip through it.
    update(digest, at.truncatedTo(ChronoUnit.MICROS).toString());
    update(digest, actor);
    update(digest, action);
    update(digest, customerId == null ? null : customerId.toString());
    update(digest, detail);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String field) {
    if (field == null) {
      digest.update(NULL_FIELD);
      return;
    }
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    digest.update(PRESENT_FIELD);
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
