package app.custodian.audit.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MAC an audit entry carries from the moment the application writes it: HMAC-SHA256 under the
 * audit key, which never sits in the database. Whoever can only write to the database cannot make
 * an entry that passes, nor change one without it showing. The id is covered, so a copied row (new
 * id, same fields and MAC) does not pass either.
 */
public final class EntryMac {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_LENGTH = 32;
  // Domain separation: a MAC of this rule means nothing to any other use of the key.
  private static final byte[] LABEL =
      "custodian audit entry mac v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte NULL_FIELD = 0;
  private static final byte PRESENT_FIELD = 1;

  private final SecretKeySpec key;
  private final List<SecretKeySpec> retiredKeys;

  public EntryMac(byte[] key) {
    this(key, List.of());
  }

  /**
   * @param key signs new entries and verifies
   * @param retiredKeys audit keys used before ({@code CUSTODIAN_AUDIT_RETIRED_KEYS}): they only
   *     verify the entries they signed, and never sign
   */
  public EntryMac(byte[] key, List<byte[]> retiredKeys) {
    this.key = keySpec(key);
    this.retiredKeys = retiredKeys.stream().map(EntryMac::keySpec).toList();
  }

  private static SecretKeySpec keySpec(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException("the audit key must have at least 32 bytes");
    }
    return new SecretKeySpec(key, ALGORITHM);
  }

  /** The MAC of an entry being written: lowercase hex, 64 characters. */
  public String sign(
      String id, Instant at, String actor, String action, String customerId, String detail) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    return HexFormat.of().formatHex(compute(key, id, at, actor, action, customerId, detail));
  }

  /**
   * Whether {@code mac} is the MAC of these fields under the audit key or a retired one; false for
   * a missing or malformed one.
   */
  public boolean verifies(
      String mac,
      String id,
      Instant at,
      String actor,
      String action,
      String customerId,
      String detail) {
    if (mac == null) {
      return false;
    }
    byte[] given = mac.getBytes(StandardCharsets.US_ASCII);
    if (matches(key, given, id, at, actor, action, customerId, detail)) {
      return true;
    }
    for (SecretKeySpec retired : retiredKeys) {
      if (matches(retired, given, id, at, actor, action, customerId, detail)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(
      SecretKeySpec key,
      byte[] given,
      String id,
      Instant at,
      String actor,
      String action,
      String customerId,
      String detail) {
    byte[] expected =
        HexFormat.of()
            .formatHex(compute(key, id, at, actor, action, customerId, detail))
            .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  private static byte[] compute(
      SecretKeySpec key,
      String id,
      Instant at,
      String actor,
      String action,
      String customerId,
      String detail) {
    Mac mac = newMac(key);
    mac.update(LABEL);
    update(mac, id);
    // The database keeps microseconds, so sign what survives a round trip through it.
    update(mac, at == null ? null : at.truncatedTo(ChronoUnit.MICROS).toString());
    update(mac, actor);
    update(mac, action);
    update(mac, customerId);
    update(mac, detail);
    return mac.doFinal();
  }

  private static void update(Mac mac, String field) {
    if (field == null) {
      mac.update(NULL_FIELD);
      return;
    }
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    mac.update(PRESENT_FIELD);
    mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    mac.update(bytes);
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
