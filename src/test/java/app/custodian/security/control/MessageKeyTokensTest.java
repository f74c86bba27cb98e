package app.custodian.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageKeyTokensTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
  private final MessageKeyTokens tokens = new MessageKeyTokens(KEY);

  @Test
  void aTokenNamesItsMessageInTwentyFourSafeCharacters() {
    for (long key : new long[] {0, 1, 42, 1L << 40, Long.MAX_VALUE, -1}) {
      String token = tokens.issue(key);
      assertEquals(24, token.length(), token);
      assertTrue(token.matches("[A-Za-z0-9_-]{24}"), "fits a local part as it is: " + token);
      assertEquals(OptionalLong.of(key), tokens.verify(token));
    }
  }

  @Test
  void everyChangedCharacterIsRefused() {
    String token = tokens.issue(123456789L);
    for (int i = 0; i < token.length(); i++) {
      char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
      String altered = token.substring(0, i) + replacement + token.substring(i + 1);
      assertFalse(tokens.verify(altered).isPresent(), "altered at " + i);
    }
  }

  @Test
  void anotherMessageKeyUnderTheSameTagIsRefused() {
    byte[] genuine = Base64.getUrlDecoder().decode(tokens.issue(7));
    ByteBuffer.wrap(genuine).putLong(8); // same tag, the next message's key
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(genuine);

    assertFalse(tokens.verify(forged).isPresent());
  }

  @Test
  void anythingButATokenIsRefused() {
    String token = tokens.issue(99);
    for (String wrong :
        new String[] {
          null,
          "",
          token.substring(1),
          token + "A",
          token.toLowerCase(),
          token.substring(0, 23) + "=",
          "!!!!!!!!!!!!!!!!!!!!!!!!",
        }) {
      assertFalse(tokens.verify(wrong).isPresent(), String.valueOf(wrong));
    }
  }

  @Test
  void anotherKeyMakesOtherTokensAndRefusesThese() {
    MessageKeyTokens other = new MessageKeyTokens("fedcba9876543210fedcba9876543210".getBytes());

    assertNotEquals(tokens.issue(5), other.issue(5));
    assertFalse(other.verify(tokens.issue(5)).isPresent());
  }

  @Test
  void theirKeyIsASubKeyOfTheTokenKeyApartFromTheLinkTokens(@TempDir Path dataDir) {
    String tokenKey = Base64.getEncoder().encodeToString(KEY);
    KeyMaterial keys = KeyMaterial.resolve(null, tokenKey, null, dataDir, warning -> {});

    String token = keys.messageKeyTokens().issue(5);

    assertEquals(OptionalLong.of(5), keys.messageKeyTokens().verify(token));
    assertFalse(new MessageKeyTokens(KEY).verify(token).isPresent(), "not the token key itself");
    assertFalse(
        new MessageKeyTokens(keys.tokenDerivedIndexKey()).verify(token).isPresent(),
        "nor another sub-key");
  }
}
