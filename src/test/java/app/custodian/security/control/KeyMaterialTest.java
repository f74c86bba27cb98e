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
    KeyMaterial first = KeyMaterial.resolve(null, null, valid(), dataDir, warnings::add);

    assertEquals(2, warnings.size());
    assertTrue(warnings.get(0).contains("CUSTODIAN_PII_KEY"));
    assertTrue(warnings.get(0).contains(dataDir.resolve("keys/pii.key").toString()));
    assertTrue(warnings.get(1).contains("CUSTODIAN_TOKEN_KEY"));
    assertTrue(warnings.get(1).contains(dataDir.resolve("keys/token.key").toString()));
    assertEquals(32, first.piiKey().length);
    assertEquals(32, first.tokenKey().length);
    assertFalse(Arrays.equals(first.piiKey(), first.tokenKey()));

    warnings.clear();
    KeyMaterial second = KeyMaterial.resolve(null, "  ", valid(), dataDir, warnings::add);

    assertEquals(List.of(), warnings);
    assertArrayEquals(first.piiKey(), second.piiKey());
    assertArrayEquals(first.tokenKey(), second.tokenKey());
  }

  @Test
  void warningsNeverContainTheKey() {
    KeyMaterial keys = KeyMaterial.resolve(null, null, valid(), dataDir, warnings::add);
    String piiKey = Base64.getEncoder().encodeToString(keys.piiKey());
    String tokenKey = Base64.getEncoder().encodeToString(keys.tokenKey());
    for (String warning : warnings) {
      assertFalse(warning.contains(piiKey));
      assertFalse(warning.contains(tokenKey));
    }
  }

  @Test
  void keyFilesHoldBase64AndAreOwnerOnly() throws Exception {
    KeyMaterial keys = KeyMaterial.resolve(null, null, valid(), dataDir, warnings::add);
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
            () -> KeyMaterial.resolve(shortKey, null, valid(), dataDir, warnings::add));
    assertTrue(e.getMessage().contains("CUSTODIAN_PII_KEY"));
    assertFalse(e.getMessage().contains(shortKey));
  }

  @Test
  void rejectsInvalidBase64WithoutRevealingIt() {
    String notBase64 = "s3cr3t-with-illegal-chars!!";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KeyMaterial.resolve(valid(), notBase64, valid(), dataDir, warnings::add));
    assertTrue(e.getMessage().contains("CUSTODIAN_TOKEN_KEY"));
    assertFalse(e.getMessage().contains(notBase64));
    assertFalse(e.getMessage().contains("!"));
    assertNull(e.getCause());
  }

  @Test
  void acceptsAValidKeyAndDoesNotWriteAFileForIt() {
    byte[] pii = randomBytes(32);
    KeyMaterial keys =
        KeyMaterial.resolve(
            Base64.getEncoder().encodeToString(pii), null, valid(), dataDir, warnings::add);

    assertArrayEquals(pii, keys.piiKey());
    assertFalse(Files.exists(dataDir.resolve("keys/pii.key")));
    assertTrue(Files.exists(dataDir.resolve("keys/token.key")));
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("CUSTODIAN_TOKEN_KEY"));
  }

  @Test
  void bothKeysGivenWritesNothing() {
    KeyMaterial.resolve(valid(), valid(), valid(), dataDir, warnings::add);
    assertFalse(Files.exists(dataDir.resolve("keys")));
    assertEquals(List.of(), warnings);
  }

  @Test
  void accessorsReturnCopies() {
    KeyMaterial keys = KeyMaterial.resolve(valid(), valid(), valid(), dataDir, warnings::add);
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
    KeyMaterial others = KeyMaterial.resolve(null, null, valid(), dataDir, w -> {});
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
        () -> KeyMaterial.resolve(null, valid(), valid(), dataDir, warnings::add));
  }

  @Test
  void theCipherUsesThePiiKeyAndTheIndexesTheIndexKeyNotTheTokenKey() {
    byte[] pii = randomBytes(32);
    byte[] token = randomBytes(32);
    String index = valid();
    KeyMaterial keys =
        KeyMaterial.resolve(
            Base64.getEncoder().encodeToString(pii),
            Base64.getEncoder().encodeToString(token),
            index,
            dataDir,
            warnings::add);

    FieldCipher cipher = keys.fieldCipher();
    assertEquals(FieldCipher.keyIdOf(pii), cipher.currentKeyId());
    assertEquals(
        "Lê Thị Hồng",
        new FieldCipher(FieldCipher.keyIdOf(pii), pii).decrypt(cipher.encrypt("Lê Thị Hồng")));

    assertEquals(keys.blindIndex().email("a@b.vn"), keys.blindIndex().email("A@B.VN"));
    assertEquals(
        new BlindIndex(keys.tokenDerivedIndexKey()).email("a@b.vn"),
        new BlindIndex(
                KeyMaterial.resolve(
                        null, Base64.getEncoder().encodeToString(token), null, dataDir, w -> {})
                    .tokenDerivedIndexKey())
            .email("a@b.vn"),
        "the old derivation depends on the token key alone");
    KeyMaterial otherTokenKey = KeyMaterial.resolve(valid(), valid(), index, dataDir, w -> {});
    assertEquals(
        keys.blindIndex().email("a@b.vn"),
        otherTokenKey.blindIndex().email("a@b.vn"),
        "a new token key leaves the blind indexes as they are");
    assertNotEquals(
        new BlindIndex(keys.tokenDerivedIndexKey()).email("a@b.vn"),
        keys.blindIndex().email("a@b.vn"));
    KeyMaterial otherIndexKey = KeyMaterial.resolve(valid(), valid(), valid(), dataDir, w -> {});
    assertNotEquals(keys.blindIndex().email("a@b.vn"), otherIndexKey.blindIndex().email("a@b.vn"));
  }

  @Test
  void theIndexKeyIsGeneratedIntoItsFileWithAWarning() throws Exception {
    KeyMaterial keys = KeyMaterial.resolve(valid(), valid(), null, dataDir, warnings::add);

    assertEquals(1, warnings.size(), warnings::toString);
    assertTrue(warnings.get(0).contains("CUSTODIAN_INDEX_KEY"));
    assertTrue(warnings.get(0).contains(dataDir.resolve("keys/index.key").toString()));
    assertArrayEquals(
        keys.indexKey(),
        Base64.getDecoder().decode(Files.readString(dataDir.resolve("keys/index.key")).strip()));
  }

  @Test
  void retiredPiiKeysAreReadButNeverWrittenWith() {
    byte[] a = randomBytes(32);
    byte[] b = randomBytes(32);
    byte[] c = randomBytes(32);
    String encodedB = Base64.getEncoder().encodeToString(b);
    byte[] underA = new FieldCipher(FieldCipher.keyIdOf(a), a).encrypt("Nguyễn Văn A");
    byte[] underC = new FieldCipher(FieldCipher.keyIdOf(c), c).encrypt("Trần Thị C");

    FieldCipher cipher =
        KeyMaterial.resolve(
                encodedB,
                " " + Base64.getEncoder().encodeToString(a) + ", " + encodedB + ",",
                valid(),
                valid(),
                dataDir,
                warnings::add)
            .fieldCipher();

    assertEquals("Nguyễn Văn A", cipher.decrypt(underA));
    assertFalse(cipher.isCurrent(underA));
    byte[] again = cipher.reencrypt(underA);
    assertTrue(cipher.isCurrent(again));
    assertEquals("Nguyễn Văn A", new FieldCipher(FieldCipher.keyIdOf(b), b).decrypt(again));
    assertTrue(cipher.isCurrent(null));
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(underC));
  }

  @Test
  void aMalformedRetiredKeyIsRefusedWithoutRevealingIt() {
    String secret = Base64.getEncoder().encodeToString(randomBytes(16));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KeyMaterial.resolve(valid(), secret, valid(), valid(), dataDir, w -> {}));
    assertTrue(e.getMessage().contains("CUSTODIAN_PII_RETIRED_KEYS"));
    assertFalse(e.getMessage().contains(secret));
  }

  @Test
  void onPostgresEveryMissingKeyIsNamed() {
    java.util.Map<String, String> given = new java.util.HashMap<>();
    given.put("CUSTODIAN_PII_KEY", valid());
    given.put("CUSTODIAN_TOKEN_KEY", " ");
    given.put("CUSTODIAN_AUDIT_KEY", valid());

    List<String> missing = RequiredKeys.missing(given);

    assertEquals(List.of("CUSTODIAN_TOKEN_KEY", "CUSTODIAN_INDEX_KEY"), missing);
    String refusal = RequiredKeys.refusal(missing);
    assertTrue(refusal.contains("CUSTODIAN_TOKEN_KEY") && refusal.contains("CUSTODIAN_INDEX_KEY"));
    assertFalse(refusal.contains(given.get("CUSTODIAN_PII_KEY")));
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
