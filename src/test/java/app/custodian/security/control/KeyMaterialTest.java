package app.custodian.security.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialTest {

  @TempDir Path dataDir;

  private final List<String> warnings = new ArrayList<>();

  @Test
  void generatesMissingKeysOnceThenReadsThemBack() {
    KeyMaterial first = KeyMaterial.resolve(null, null, dataDir, warnings::add);

    assertEquals(2, warnings.size());
    assertTrue(warnings.get(0).contains("CUSTODIAN_PII_KEY"));
    assertTrue(warnings.get(0).contains(dataDir.resolve("keys/pii.key").toString()));
    assertTrue(warnings.get(1).contains("CUSTODIAN_TOKEN_KEY"));
    assertTrue(warnings.get(1).contains(dataDir.resolve("keys/token.key").toString()));
    assertEquals(32, first.piiKey().length);
    assertEquals(32, first.tokenKey().length);
    assertFalse(Arrays.equals(first.piiKey(), first.tokenKey()));

    warnings.clear();
    KeyMaterial second = KeyMaterial.resolve(null, "  ", dataDir, warnings::add);

    assertEquals(List.of(), warnings);
    assertArrayEquals(first.piiKey(), second.piiKey());
    assertArrayEquals(first.tokenKey(), second.tokenKey());
  }

  @Test
  void warningsNeverContainTheKey() {
    KeyMaterial keys = KeyMaterial.resolve(null, null, dataDir, warnings::add);
    String piiKey = Base64.getEncoder().encodeToString(keys.piiKey());
    String tokenKey = Base64.getEncoder().encodeToString(keys.tokenKey());
    for (String warning : warnings) {
      assertFalse(warning.contains(piiKey));
      assertFalse(warning.contains(tokenKey));
    }
  }

  @Test
  void keyFilesHoldBase64AndAreOwnerOnly() throws Exception {
    KeyMaterial keys = KeyMaterial.resolve(null, null, dataDir, warnings::add);
    Path piiFile = dataDir.resolve("keys/pii.key");

    assertArrayEquals(keys.piiKey(), Base64.getDecoder().decode(Files.readString(piiFile).strip()));
    if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(piiFile)));
    }
  }

  @Test
  void rejectsA16ByteKeyWithoutRevealingIt() {
    String shortKey = Base64.getEncoder().encodeToString(randomBytes(16));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KeyMaterial.resolve(shortKey, null, dataDir, warnings::add));
    assertTrue(e.getMessage().contains("CUSTODIAN_PII_KEY"));
    assertFalse(e.getMessage().contains(shortKey));
  }

  @Test
  void rejectsInvalidBase64WithoutRevealingIt() {
    String notBase64 = "s3cr3t-with-illegal-chars!!";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KeyMaterial.resolve(valid(), notBase64, dataDir, warnings::add));
    assertTrue(e.getMessage().contains("CUSTODIAN_TOKEN_KEY"));
    assertFalse(e.getMessage().contains(notBase64));
    assertFalse(e.getMessage().contains("!"));
    assertNull(e.getCause());
  }

  @Test
  void acceptsAValidKeyAndDoesNotWriteAFileForIt() {
    byte[] pii = randomBytes(32);
    KeyMaterial keys =
        KeyMaterial.resolve(Base64.getEncoder().encodeToString(pii), null, dataDir, warnings::add);

    assertArrayEquals(pii, keys.piiKey());
    assertFalse(Files.exists(dataDir.resolve("keys/pii.key")));
    assertTrue(Files.exists(dataDir.resolve("keys/token.key")));
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("CUSTODIAN_TOKEN_KEY"));
  }

  @Test
  void bothKeysGivenWritesNothing() {
    KeyMaterial.resolve(valid(), valid(), dataDir, warnings::add);
    assertFalse(Files.exists(dataDir.resolve("keys")));
    assertEquals(List.of(), warnings);
  }

  @Test
  void accessorsReturnCopies() {
    KeyMaterial keys = KeyMaterial.resolve(valid(), valid(), dataDir, warnings::add);
    byte[] pii = keys.piiKey();
    pii[0] ^= 1;
    assertNotEquals(pii[0], keys.piiKey()[0]);
  }

  @Test
  void theAuditKeyIsGeneratedOnceWithAWarningThenReadBack() throws Exception {
    byte[] first = KeyMaterial.resolveAuditKey(null, dataDir, warnings::add);

    assertEquals(32, first.length);
    Path file = dataDir.resolve("keys/audit.key");
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("CUSTODIAN_AUDIT_KEY"), warnings::toString);
    assertTrue(warnings.get(0).contains(file.toString()));
    assertTrue(warnings.get(0).contains("back it up"));
    assertFalse(warnings.get(0).contains(Base64.getEncoder().encodeToString(first)));
    if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    warnings.clear();
    assertArrayEquals(first, KeyMaterial.resolveAuditKey(" ", dataDir, warnings::add));
    assertEquals(List.of(), warnings);
    KeyMaterial others = KeyMaterial.resolve(null, null, dataDir, w -> {});
    assertFalse(Arrays.equals(first, others.piiKey()) || Arrays.equals(first, others.tokenKey()));
  }

  @Test
  void aGivenAuditKeyIsUsedAndNoFileWritten() {
    byte[] audit = randomBytes(32);
    assertArrayEquals(
        audit,
        KeyMaterial.resolveAuditKey(
            Base64.getEncoder().encodeToString(audit), dataDir, warnings::add));
    assertFalse(Files.exists(dataDir.resolve("keys")));
    assertEquals(List.of(), warnings);

    String shortKey = Base64.getEncoder().encodeToString(randomBytes(16));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KeyMaterial.resolveAuditKey(shortKey, dataDir, warnings::add));
    assertTrue(e.getMessage().contains("CUSTODIAN_AUDIT_KEY"));
    assertFalse(e.getMessage().contains(shortKey));
  }

  @Test
  void rejectsACorruptKeyFile() throws Exception {
    Files.createDirectories(dataDir.resolve("keys"));
    Files.writeString(dataDir.resolve("keys/pii.key"), "dG9vIHNob3J0");
    assertThrows(
        IllegalArgumentException.class,
        () -> KeyMaterial.resolve(null, valid(), dataDir, warnings::add));
  }

  @Test
  void convenienceCipherAndIndexUseThePiiKey() {
    byte[] pii = randomBytes(32);
    byte[] token = randomBytes(32);
    KeyMaterial keys =
        KeyMaterial.resolve(
            Base64.getEncoder().encodeToString(pii),
            Base64.getEncoder().encodeToString(token),
            dataDir,
            warnings::add);

    FieldCipher cipher = keys.fieldCipher();
    assertEquals(FieldCipher.keyIdOf(pii), cipher.currentKeyId());
    assertEquals(
        "Lê Thị Hồng",
        new FieldCipher(FieldCipher.keyIdOf(pii), pii).decrypt(cipher.encrypt("Lê Thị Hồng")));

    assertEquals(keys.blindIndex().email("a@b.vn"), keys.blindIndex().email("A@B.VN"));
    assertNotEquals(new BlindIndex(token).email("a@b.vn"), keys.blindIndex().email("a@b.vn"));
    KeyMaterial otherPiiKey =
        KeyMaterial.resolve(valid(), Base64.getEncoder().encodeToString(token), dataDir, w -> {});
    assertEquals(
        keys.blindIndex().email("a@b.vn"),
        otherPiiKey.blindIndex().email("a@b.vn"),
        "blind indexes come from the token key");
  }

  private static String valid() {
    return Base64.getEncoder().encodeToString(randomBytes(32));
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
