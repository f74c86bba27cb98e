package app.custodian.security.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit keys of the application: the PII key (field encryption, with retired PII keys that
 * are still read), the index key (blind indexes), the token key (signed tokens) and the audit key
 * (MACs of audit entries). Each comes from its environment variable, else from a key file in the
 * data directory, else is generated into that file (the embedded default only: see {@link
 * RequiredKeys}).
 */
public final class KeyMaterial {

  static final String PII_KEY_VARIABLE = "CUSTODIAN_PII_KEY";
  static final String PII_RETIRED_KEYS_VARIABLE = "CUSTODIAN_PII_RETIRED_KEYS";
  static final String INDEX_KEY_VARIABLE = "CUSTODIAN_INDEX_KEY";
  static final String TOKEN_KEY_VARIABLE = "CUSTODIAN_TOKEN_KEY";
  static final String AUDIT_KEY_VARIABLE = "CUSTODIAN_AUDIT_KEY";

  private static final int KEY_LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String UNREADABLE_WITHOUT_IT =
      "data encrypted with it cannot be read without it";
  // Domain separation, so the AES key is never used directly as an HMAC key.
  private static final byte[] BLIND_INDEX_KEY_LABEL =
      "custodian blind index key v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SIGNED_TOKEN_KEY_LABEL =
      "custodian signed token key v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MESSAGE_KEY_TOKEN_KEY_LABEL =
      "custodian message key token key v1".getBytes(StandardCharsets.US_ASCII);

  private final byte[] piiKey;
  private final List<byte[]> retiredPiiKeys;
  private final byte[] indexKey;
  private final byte[] tokenKey;

  private KeyMaterial(
      byte[] piiKey, List<byte[]> retiredPiiKeys, byte[] indexKey, byte[] tokenKey) {
    this.piiKey = piiKey;
    this.retiredPiiKeys = retiredPiiKeys;
    this.indexKey = indexKey;
    this.tokenKey = tokenKey;
  }

  /**
   * @param piiKeyBase64 value of {@code CUSTODIAN_PII_KEY}; null or blank when not set
   * @param tokenKeyBase64 value of {@code CUSTODIAN_TOKEN_KEY}; null or blank when not set
   * @param indexKeyBase64 value of {@code CUSTODIAN_INDEX_KEY}; null or blank when not set
   * @param dataDir holds {@code keys/pii.key}, {@code keys/token.key} and {@code keys/index.key}
   * @param warn told once for every key generated
   */
  public static KeyMaterial resolve(
      String piiKeyBase64,
      String tokenKeyBase64,
      String indexKeyBase64,
      Path dataDir,
      Consumer<String> warn) {
    return resolve(piiKeyBase64, null, tokenKeyBase64, indexKeyBase64, dataDir, warn);
  }

  /**
   * As {@link #resolve(String, String, String, Path, Consumer)}, with the retired PII keys.
   *
   * @param retiredPiiKeysBase64 value of {@code CUSTODIAN_PII_RETIRED_KEYS}: comma-separated base64
   *     keys that are still read, never written with; null or blank for none
   */
  public static KeyMaterial resolve(
      String piiKeyBase64,
      String retiredPiiKeysBase64,
      String tokenKeyBase64,
      String indexKeyBase64,
      Path dataDir,
      Consumer<String> warn) {
    Objects.requireNonNull(warn, "warn");
    byte[] piiKey =
        resolveKey(PII_KEY_VARIABLE, piiKeyBase64, dataDir, "pii.key", UNREADABLE_WITHOUT_IT, warn);
    byte[] tokenKey =
        resolveKey(
            TOKEN_KEY_VARIABLE, tokenKeyBase64, dataDir, "token.key", UNREADABLE_WITHOUT_IT, warn);
    byte[] indexKey =
        resolveKey(
            INDEX_KEY_VARIABLE,
            indexKeyBase64,
            dataDir,
            "index.key",
            "customers cannot be found by email, phone or name, nor addresses matched against the"
                + " suppression list, without it",
            warn);
    return new KeyMaterial(
        piiKey, retiredKeys(PII_RETIRED_KEYS_VARIABLE, retiredPiiKeysBase64), indexKey, tokenKey);
  }

  /**
   * Keys that are still read (checked) but never written with, from a comma-separated list of
   * base64 keys.
   *
   * @param variable named in the error for a malformed key (the key itself never is)
   * @return empty for null or blank
   */
  public static List<byte[]> retiredKeys(String variable, String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    List<byte[]> keys = new ArrayList<>();
    for (String key : commaSeparated.split(",")) {
      if (!key.isBlank()) {
        keys.add(
            decode(
                key,
                variable + " must be comma-separated base64 encodings of exactly 32 bytes each"));
      }
    }
    return List.copyOf(keys);
  }

  /**
   * The audit key, apart from the others (resolved only where audit entries are written or
   * checked), in the same way: {@code CUSTODIAN_AUDIT_KEY}, else {@code keys/audit.key} in the data
   * directory, else generated into that file.
   *
   * @param auditKeyBase64 value of {@code CUSTODIAN_AUDIT_KEY}; null or blank when not set
   * @param warn told when the key is generated
   */
  public static byte[] resolveAuditKey(String auditKeyBase64, Path dataDir, Consumer<String> warn) {
    Objects.requireNonNull(warn, "warn");
    return resolveKey(
        AUDIT_KEY_VARIABLE,
        auditKeyBase64,
        dataDir,
        "audit.key",
        "the audit trail cannot be verified without it",
        warn);
  }

  public byte[] piiKey() {
    return piiKey.clone();
  }

  public byte[] tokenKey() {
    return tokenKey.clone();
  }

  public byte[] indexKey() {
    return indexKey.clone();
  }

  /**
   * Encrypts with the PII key, under a key id derived from it; also reads what the retired PII keys
   * wrote.
   */
  public FieldCipher fieldCipher() {
    String currentId = FieldCipher.keyIdOf(piiKey);
    FieldCipher cipher = new FieldCipher(currentId, piiKey);
    Set<String> ids = new HashSet<>(Set.of(currentId));
    for (byte[] retired : retiredPiiKeys) {
      String id = FieldCipher.keyIdOf(retired);
      if (ids.add(id)) {
        cipher = cipher.withRetiredKey(id, retired);
      }
    }
    return cipher;
  }

  /** Blind indexes under the index key, apart from the token key. */
  public BlindIndex blindIndex() {
    return new BlindIndex(indexKey);
  }

  /**
   * The key of the blind indexes before the index key existed: a sub-key derived from the token
   * key. Only the schema migration that moved the indexes to the index key uses it.
   */
  public byte[] tokenDerivedIndexKey() {
    return tokenSubKey(BLIND_INDEX_KEY_LABEL);
  }

  /** Signed link tokens, under their own sub-key of the token key. */
  public SignedTokens signedTokens() {
    return new SignedTokens(tokenSubKey(SIGNED_TOKEN_KEY_LABEL));
  }

  /** Tokens naming sent messages in envelope senders (VERP), under their own sub-key. */
  public MessageKeyTokens messageKeyTokens() {
    return new MessageKeyTokens(tokenSubKey(MESSAGE_KEY_TOKEN_KEY_LABEL));
  }

  private byte[] tokenSubKey(byte[] label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(tokenKey, "HmacSHA256"));
      return mac.doFinal(label);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static byte[] resolveKey(
      String variable,
      String configured,
      Path dataDir,
      String fileName,
      String lossConsequence,
      Consumer<String> warn) {
    if (configured != null && !configured.isBlank()) {
      return decode(configured, variable + " must be the base64 encoding of exactly 32 bytes");
    }
    Objects.requireNonNull(dataDir, "dataDir");
    Path file = dataDir.resolve("keys").resolve(fileName);
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file, StandardCharsets.US_ASCII);
        return decode(stored, file + " must hold the base64 encoding of exactly 32 bytes");
      }
      byte[] key = new byte[KEY_LENGTH];
      RANDOM.nextBytes(key);
      writeOwnerOnly(file, Base64.getEncoder().encode(key));
      warn.accept(
          variable
              + " is not set: generated a key into "
              + file
              + "; back it up, "
              + lossConsequence);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key file " + file, e);
    }
  }

  // The decoder's exception would quote the offending character, so it is not passed on.
  private static byte[] decode(String base64, String errorMessage) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(errorMessage);
    }
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException(errorMessage);
    }
    return key;
  }

  // The file is created with its final permissions, so it is never readable by others.
  private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    Path dir = file.getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] ownerOnly =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    Files.createDirectories(dir);
    try (SeekableByteChannel channel =
        Files.newByteChannel(
            file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }
}
