package app.custodian.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

  private static final byte[] KEY = key(1);
  private static final byte[] OTHER_KEY = key(2);

  private final FieldCipher cipher = new FieldCipher(FieldCipher.keyIdOf(KEY), KEY);

  @Test
  void encryptsAndDecryptsOnManyThreadsAtOnce() throws Exception {
    FieldCipher cipher = new FieldCipher("k1", key(1));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 2000; i++) {
                    String value = "Nguyễn " + thread + " " + i;
                    assertEquals(value, cipher.decrypt(cipher.encrypt(value)));
                  }
                  return 2000;
                }));
      }
      for (Future<Integer> result : results) {
        assertEquals(2000, result.get());
      }
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void roundTripsVietnameseText() {
    String text = "Nguyễn Thị Đặng Hoa, 12 Lê Lợi, Quận 1, TP. Hồ Chí Minh";
    assertEquals(text, cipher.decrypt(cipher.encrypt(text)));
  }

  @Test
  void roundTripsEmptyString() {
    assertEquals("", cipher.decrypt(cipher.encrypt("")));
  }

  @Test
  void passesNullThrough() {
    assertNull(cipher.encrypt(null));
    assertNull(cipher.decrypt(null));
  }

  @Test
  void twoEncryptionsOfTheSameValueDiffer() {
    assertFalse(Arrays.equals(cipher.encrypt("same value"), cipher.encrypt("same value")));
  }

  @Test
  void ciphertextDoesNotContainThePlaintext() {
    String plaintext = "a fairly long secret value that would be easy to spot";
    byte[] ciphertext = cipher.encrypt(plaintext);
    assertFalse(contains(ciphertext, plaintext.getBytes(StandardCharsets.UTF_8)));
    assertFalse(contains(ciphertext, "secret".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void outputFollowsTheDocumentedLayout() {
    String keyId = FieldCipher.keyIdOf(KEY);
    byte[] ciphertext = cipher.encrypt("abc");

    assertEquals(1, ciphertext[0]);
    assertEquals(keyId.length(), ciphertext[1]);
    assertEquals(keyId, new String(ciphertext, 2, keyId.length(), StandardCharsets.US_ASCII));
    assertEquals(2 + keyId.length() + 12 + 3 + 16, ciphertext.length);
  }

  @Test
  void flippingAnyByteIsDetected() {
    byte[] ciphertext = cipher.encrypt("Trần Văn Bình");
    for (int i = 0; i < ciphertext.length; i++) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 0x01;
      assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered), "byte " + i);
    }
  }

  @Test
  void truncatedCiphertextIsRejected() {
    byte[] ciphertext = cipher.encrypt("value");
    assertThrows(
        IllegalStateException.class,
        () -> cipher.decrypt(Arrays.copyOf(ciphertext, ciphertext.length - 1)));
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(new byte[] {1}));
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(new byte[0]));
  }

  @Test
  void failureMessageHoldsNoData() {
    byte[] ciphertext = cipher.encrypt("secret");
    ciphertext[ciphertext.length - 1] ^= 0x01;
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(ciphertext));
    assertFalse(e.getMessage().contains("secret"));
    assertFalse(e.getMessage().contains(FieldCipher.keyIdOf(KEY)));
  }

  @Test
  void decryptsWithRetiredKeyAfterRotation() {
    byte[] oldCiphertext = cipher.encrypt("written before rotation");
    FieldCipher rotated =
        new FieldCipher(FieldCipher.keyIdOf(OTHER_KEY), OTHER_KEY)
            .withRetiredKey(FieldCipher.keyIdOf(KEY), KEY);

    assertEquals("written before rotation", rotated.decrypt(oldCiphertext));
    byte[] newCiphertext = rotated.encrypt("written after rotation");
    assertEquals(FieldCipher.keyIdOf(OTHER_KEY), keyIdIn(newCiphertext));
    assertEquals("written after rotation", rotated.decrypt(newCiphertext));
  }

  @Test
  void unknownKeyIdFails() {
    FieldCipher other = new FieldCipher(FieldCipher.keyIdOf(OTHER_KEY), OTHER_KEY);
    byte[] ciphertext = other.encrypt("value");
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(ciphertext));
  }

  @Test
  void sameKeyIdWithAnotherKeyFails() {
    FieldCipher impostor = new FieldCipher(FieldCipher.keyIdOf(KEY), OTHER_KEY);
    byte[] ciphertext = impostor.encrypt("value");
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(ciphertext));
  }

  @Test
  void rejectsKeysThatAreNot32Bytes() {
    assertThrows(IllegalArgumentException.class, () -> new FieldCipher("k", new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> new FieldCipher("k", new byte[33]));
    assertThrows(IllegalArgumentException.class, () -> new FieldCipher("k", null));
    assertThrows(IllegalArgumentException.class, () -> cipher.withRetiredKey("old", new byte[31]));
  }

  @Test
  void rejectsDuplicateOrInvalidKeyIds() {
    assertThrows(
        IllegalArgumentException.class,
        () -> cipher.withRetiredKey(FieldCipher.keyIdOf(KEY), OTHER_KEY));
    assertThrows(IllegalArgumentException.class, () -> new FieldCipher("", KEY));
    assertThrows(IllegalArgumentException.class, () -> new FieldCipher("ké", KEY));
    assertThrows(IllegalArgumentException.class, () -> new FieldCipher("a".repeat(256), KEY));
  }

  @Test
  void keyIdIsEightHexCharsDerivedFromTheKey() {
    assertEquals(FieldCipher.keyIdOf(KEY), FieldCipher.keyIdOf(KEY.clone()));
    assertFalse(FieldCipher.keyIdOf(KEY).equals(FieldCipher.keyIdOf(OTHER_KEY)));
    assertTrue(FieldCipher.keyIdOf(KEY).matches("[0-9a-f]{8}"));
    // SHA-256 of 32 zero bytes starts with 66687aad.
    assertEquals("66687aad", FieldCipher.keyIdOf(new byte[32]));
  }

  @Test
  void doesNotKeepAReferenceToTheCallersKeyArray() {
    byte[] key = key(7);
    FieldCipher fieldCipher = new FieldCipher("k", key);
    byte[] ciphertext = fieldCipher.encrypt("value");
    Arrays.fill(key, (byte) 0);
    assertEquals("value", fieldCipher.decrypt(ciphertext));
  }

  private static String keyIdIn(byte[] ciphertext) {
    return new String(ciphertext, 2, ciphertext[1], StandardCharsets.US_ASCII);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }

  static byte[] key(int seed) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (seed * 31 + i);
    }
    return key;
  }
}
