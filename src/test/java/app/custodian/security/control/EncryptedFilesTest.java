package app.custodian.security.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EncryptedFilesTest {

  final FieldCipher cipher = new FieldCipher("k1", new byte[32]);

  byte[] encrypt(byte[] plain) throws IOException {
    ByteArrayOutputStream sealed = new ByteArrayOutputStream();
    try (OutputStream out = EncryptedFiles.encrypting(cipher, sealed)) {
      // odd-sized writes across segment borders
      for (int i = 0; i < plain.length; i += 10_007) {
        out.write(plain, i, Math.min(10_007, plain.length - i));
      }
    }
    return sealed.toByteArray();
  }

  byte[] decrypt(byte[] sealed) throws IOException {
    try (InputStream in = EncryptedFiles.decrypting(cipher, new ByteArrayInputStream(sealed))) {
      return in.readAllBytes();
    }
  }

  @Test
  void aFileOfManySegmentsReadsBackAsWrittenAndHoldsNoPlaintext() throws IOException {
    byte[] plain = new byte[3 * EncryptedFiles.SEGMENT + 123];
    new Random(7).nextBytes(plain);
    byte[] marker = "Nguyễn Văn An,an@example.vn".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(marker, 0, plain, 1000, marker.length);

    byte[] sealed = encrypt(plain);

    assertArrayEquals(plain, decrypt(sealed));
    assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("an@example.vn"));
    assertArrayEquals(new byte[0], decrypt(encrypt(new byte[0])));
  }

  @Test
  void aTruncatedReorderedOrChangedFileFailsToRead() throws IOException {
    byte[] plain = new byte[2 * EncryptedFiles.SEGMENT + 5];
    byte[] sealed = encrypt(plain);
    int segment =
        4 + EncryptedFiles.SEGMENT + 1 + 2 + 2 + 8 + 12 + 16; // length, flag, key id, iv, tag
    int magic = 16;

    assertThrows(IOException.class, () -> decrypt(Arrays.copyOf(sealed, magic + 2 * segment)));
    assertThrows(IOException.class, () -> decrypt(Arrays.copyOf(sealed, sealed.length - 1)));
    byte[] swapped = sealed.clone();
    System.arraycopy(sealed, magic + segment, swapped, magic, segment);
    System.arraycopy(sealed, magic, swapped, magic + segment, segment);
    assertThrows(IOException.class, () -> decrypt(swapped));
    byte[] changed = sealed.clone();
    changed[magic + 100] ^= 1;
    assertThrows(IOException.class, () -> decrypt(changed));
    assertThrows(
        IOException.class, () -> decrypt("plain,csv\n".getBytes(StandardCharsets.US_ASCII)));
    FieldCipher other = new FieldCipher("k2", new byte[32]);
    assertEquals(plain.length, decrypt(sealed).length);
    assertThrows(
        IOException.class,
        () -> EncryptedFiles.decrypting(other, new ByteArrayInputStream(sealed)).readAllBytes(),
        "another key");
  }
}
