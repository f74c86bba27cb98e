package app.custodian.security.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of single String fields.
 *
 * <p>Ciphertext layout: version (1 byte), key id length (1 byte), key id (ASCII), IV (12 bytes),
 * GCM ciphertext and tag. The header (version and key id) is authenticated as associated data.
 * Instances are immutable and thread-safe.
 */
public final class FieldCipher {

  private static final byte VERSION = 1;
  private static final int KEY_LENGTH = 32;
  private static final int IV_LENGTH = 12;
  private static final int TAG_LENGTH = 16;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final SecureRandom RANDOM = new SecureRandom();
  // Looking the transformation up among the providers, and expanding the key, cost more than
  // encrypting a field: each thread keeps one cipher, initialised anew for every value.
  private static final ThreadLocal<Cipher> CIPHERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance(TRANSFORMATION);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(TRANSFORMATION + " is not available", e);
            }
          });

  private final String currentKeyId;
  private final Map<String, SecretKey> keysById;

  public FieldCipher(String keyId, byte[] key) {
    this(checkKeyId(keyId), Map.of(keyId, aesKey(key)));
  }

  private FieldCipher(String currentKeyId, Map<String, SecretKey> keysById) {
    this.currentKeyId = currentKeyId;
    this.keysById = Map.copyOf(keysById);
  }

  /** Returns a cipher that can additionally decrypt values written with an older key. */
  public FieldCipher withRetiredKey(String keyId, byte[] key) {
    checkKeyId(keyId);
    if (keysById.containsKey(keyId)) {
      throw new IllegalArgumentException("key id is already in use");
    }
    Map<String, SecretKey> keys = new HashMap<>(keysById);
    keys.put(keyId, aesKey(key));
    return new FieldCipher(currentKeyId, keys);
  }

  /** The key id of the key that {@link #encrypt} uses. */
  public String currentKeyId() {
    return currentKeyId;
  }

  /** Whether the value needs no rewriting: null, or written with the current key. */
  public boolean isCurrent(byte[] ciphertext) {
    if (ciphertext == null) {
      return true;
    }
    byte[] id = currentKeyId.getBytes(StandardCharsets.US_ASCII);
    return ciphertext.length >= 2 + id.length
        && ciphertext[0] == VERSION
        && (ciphertext[1] & 0xff) == id.length
        && Arrays.equals(ciphertext, 2, 2 + id.length, id, 0, id.length);
  }

  /** The value written again with the current key; itself when it already is. */
  public byte[] reencrypt(byte[] ciphertext) {
    return isCurrent(ciphertext) ? ciphertext : encrypt(decrypt(ciphertext));
  }

  public byte[] encrypt(String plaintext) {
    if (plaintext == null) {
      return null;
    }
    return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), new byte[0]);
  }

  /**
   * Encrypts bytes, authenticating {@code associatedData} with them (e.g. a segment's place in a
   * file): {@link #decrypt(byte[], byte[])} needs the same to succeed.
   */
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    byte[] header = header(currentKeyId);
    byte[] iv = new byte[IV_LENGTH];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(
          Cipher.ENCRYPT_MODE,
          keysById.get(currentKeyId),
          new GCMParameterSpec(TAG_LENGTH * 8, iv));
      cipher.updateAAD(header);
      if (associatedData.length > 0) {
        cipher.updateAAD(associatedData);
      }
      byte[] body = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(header.length + iv.length + body.length)
          .put(header)
          .put(iv)
          .put(body)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("field encryption failed", e);
    }
  }

  public String decrypt(byte[] ciphertext) {
    if (ciphertext == null) {
      return null;
    }
    return new String(decrypt(ciphertext, new byte[0]), StandardCharsets.UTF_8);
  }

  /**
   * The bytes {@link #encrypt(byte[], byte[])} encrypted with the same associated data.
   *
   * @throws IllegalStateException when the ciphertext or the associated data was changed
   */
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
    if (ciphertext.length < 2 || ciphertext[0] != VERSION) {
      throw new IllegalStateException("ciphertext has an unsupported format");
    }
    int headerLength = 2 + (ciphertext[1] & 0xff);
    int bodyOffset = headerLength + IV_LENGTH;
    if (ciphertext.length < bodyOffset + TAG_LENGTH) {
      throw new IllegalStateException("ciphertext is truncated");
    }
    String keyId = new String(ciphertext, 2, headerLength - 2, StandardCharsets.US_ASCII);
    SecretKey key = keysById.get(keyId);
    if (key == null) {
      throw new IllegalStateException("ciphertext was written with an unknown key");
    }
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_LENGTH * 8, ciphertext, headerLength, IV_LENGTH));
      cipher.updateAAD(ciphertext, 0, headerLength);
      if (associatedData.length > 0) {
        cipher.updateAAD(associatedData);
      }
      return cipher.doFinal(ciphertext, bodyOffset, ciphertext.length - bodyOffset);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("ciphertext failed authentication");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("field decryption failed", e);
    }
  }

  /** A key id derived from the key itself: the first 8 hex chars of its SHA-256. */
  public static String keyIdOf(byte[] key) {
    Objects.requireNonNull(key, "key");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static byte[] header(String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(2 + id.length).put(VERSION).put((byte) id.length).put(id).array();
  }

  private static String checkKeyId(String keyId) {
    if (keyId == null
        || keyId.isEmpty()
        || keyId.length() > 255
        || !keyId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("key id must be 1 to 255 printable ASCII characters");
    }
    return keyId;
  }

  private static SecretKey aesKey(byte[] key) {
    if (key == null || key.length != KEY_LENGTH) {
      throw new IllegalArgumentException("key must be 32 bytes");
    }
    return new SecretKeySpec(key, "AES");
  }
}
