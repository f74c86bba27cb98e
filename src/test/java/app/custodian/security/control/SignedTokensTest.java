package app.custodian.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignedTokensTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
  private final SignedTokens tokens = new SignedTokens(KEY);
  private final String customerId = UUID.randomUUID().toString();

  @Test
  void aTokenSaysWhoAndWhatItIsFor() {
    String token = tokens.issue(customerId, "NEWSLETTER");

    SignedTokens.Claims claims = tokens.verify(token).orElseThrow();

    assertEquals(customerId, claims.customerId());
    assertEquals("NEWSLETTER", claims.scope());
    assertTrue(token.matches("[A-Za-z0-9_-]+"), "safe in a URL as it is: " + token);
  }

  @Test
  void everyChangedCharacterIsRefused() {
    String token = tokens.issue(customerId, "NEWSLETTER");
    for (int i = 0; i < token.length(); i++) {
      char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
      String altered = token.substring(0, i) + replacement + token.substring(i + 1);
      assertFalse(tokens.verify(altered).isPresent(), "altered at " + i);
    }
  }

  @Test
  void aTokenForAnotherPurposeCannotBeMadeFromOne() {
    byte[] bytes = Base64.getUrlDecoder().decode(tokens.issue(customerId, "NEWSLETTER"));
    byte[] mac = Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length);
    int header = 1 + 16 + 8;
    byte[] withOldMac = Arrays.copyOf(bytes, header + "SURVEY".length() + 16);
    System.arraycopy("SURVEY".getBytes(), 0, withOldMac, header, "SURVEY".length());
    System.arraycopy(mac, 0, withOldMac, header + "SURVEY".length(), 16);

    assertFalse(tokens.verify(Base64.getUrlEncoder().encodeToString(withOldMac)).isPresent());
  }

  @Test
  void anotherKeysTokensAndGarbageAreRefused() {
    SignedTokens other = new SignedTokens("another key, also 32 bytes long!".getBytes());

    assertFalse(tokens.verify(other.issue(customerId, "NEWSLETTER")).isPresent());
    assertFalse(tokens.verify(null).isPresent());
    assertFalse(tokens.verify("").isPresent());
    assertFalse(tokens.verify("not a token!").isPresent());
    assertFalse(tokens.verify(tokens.issue(customerId, "SURVEY").substring(0, 20)).isPresent());
    assertFalse(tokens.verify("A".repeat(5000)).isPresent());
  }

  @Test
  void theTokenHoldsNoPersonalDataAndNeedsAnId() {
    assertThrows(IllegalArgumentException.class, () -> tokens.issue("someone@example.com", "X"));
    assertThrows(IllegalArgumentException.class, () -> tokens.issue(customerId, ""));
  }

  @Test
  void aTokenCarriesTheSecondItWasIssued() {
    Instant issued = Instant.parse("2026-12-07T10:15:30.789Z");

    SignedTokens.Claims claims =
        tokens.verify(tokens.issue(customerId, "PREFERENCES", issued)).get();

    assertEquals(Instant.parse("2026-12-07T10:15:30Z"), claims.issuedAt());
    assertTrue(claims.issuedWithin(issued.plusSeconds(60), Duration.ofHours(1)));
    assertFalse(claims.issuedWithin(issued.plusSeconds(3600), Duration.ofHours(1)), "expired");
    assertFalse(claims.issuedWithin(issued.minusSeconds(60), Duration.ofHours(1)), "future");
  }

  @Test
  void anIssueTimeCannotBeMovedWithoutTheKey() {
    byte[] bytes =
        Base64.getUrlDecoder().decode(tokens.issue(customerId, "NEWSLETTER", Instant.now()));
    bytes[1 + 16 + 7]++; // the last byte of the issue time

    assertFalse(
        tokens.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).isPresent());
  }

  @Test
  void tokensOfTheFirstVersionStillWorkWithoutAnIssueTime() {
    UUID id = UUID.fromString(customerId);
    ByteBuffer body = ByteBuffer.allocate(1 + 16 + "NEWSLETTER".length());
    body.put((byte) 1).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    body.put("NEWSLETTER".getBytes());
    byte[] mac = Arrays.copyOf(new BlindIndex(KEY).mac(body.array()), 16);
    byte[] token = Arrays.copyOf(body.array(), body.capacity() + 16);
    System.arraycopy(mac, 0, token, body.capacity(), 16);

    SignedTokens.Claims claims =
        tokens.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(token)).orElseThrow();

    assertEquals(customerId, claims.customerId());
    assertEquals("NEWSLETTER", claims.scope());
    assertNull(claims.issuedAt());
    assertFalse(claims.issuedWithin(Instant.now(), Duration.ofDays(9999)));
  }
}
