package app.custodian.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BlindIndexTest {

  private static final byte[] KEY = sequentialKey();

  private final BlindIndex index = new BlindIndex(KEY);

  @Test
  void givesTheSameIndexesOnManyThreadsAtOnceAsOnOne() throws Exception {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      values.add("khach-" + i + "@example.vn");
    }
    List<String> alone = values.stream().map(index::email).toList();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(threads.submit(() -> values.stream().map(index::email).toList()));
      }
      for (Future<List<String>> result : results) {
        assertEquals(alone, result.get());
      }
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void isDeterministic() {
    assertEquals(index.of("email", "a@b.vn"), index.of("email", "a@b.vn"));
    assertEquals(index.of("email", "a@b.vn"), new BlindIndex(KEY.clone()).of("email", "a@b.vn"));
  }

  @Test
  void matchesHmacSha256OfDomainNulValueTruncatedTo16Bytes() {
    // Expected values computed independently with Python's hmac module.
    assertEquals("1b217eb99923084148a91b78cf6ade04", index.of("email", "an.nguyen@example.vn"));
    assertEquals("77b23cea9c1605d89fa00044df9d8852", index.of("name", "nguyen"));
  }

  @Test
  void isThirtyTwoLowercaseHexChars() {
    assertTrue(index.of("phone", "+84912345678").matches("[0-9a-f]{32}"));
  }

  @Test
  void differsPerDomain() {
    assertNotEquals(index.of("email", "an"), index.of("name", "an"));
  }

  @Test
  void differsPerKey() {
    byte[] otherKey = sequentialKey();
    otherKey[0] ^= 1;
    assertNotEquals(index.of("name", "an"), new BlindIndex(otherKey).of("name", "an"));
  }

  @Test
  void domainAndValueCannotBeShiftedIntoEachOther() {
    assertNotEquals(index.of("name", "xan"), index.of("namex", "an"));
  }

  @Test
  void emailIgnoresCaseAndSurroundingWhitespace() {
    String expected = index.of("email", "an.nguyen@example.vn");
    assertEquals(expected, index.email("an.nguyen@example.vn"));
    assertEquals(expected, index.email("  An.Nguyen@EXAMPLE.vn \t"));
    assertNotEquals(expected, index.email("an.nguyen2@example.vn"));
  }

  @Test
  void emailUsesRootLocaleLowerCasing() {
    // A Turkish locale would lower-case the dotted capital I differently.
    assertEquals(index.of("email", "ilhan@example.vn"), index.email("ILHAN@example.vn"));
  }

  @Test
  void blankEmailAndNullPhoneGiveNull() {
    assertNull(index.email(null));
    assertNull(index.email("   "));
    assertNull(index.phone(null));
  }

  @Test
  void phoneIndexesTheGivenE164Number() {
    assertEquals(index.of("phone", "+84912345678"), index.phone("+84912345678"));
    assertNotEquals(index.phone("+84912345678"), index.phone("+84912345679"));
  }

  @Test
  void nameWordsIndexesEveryNormalisedWord() {
    Set<String> indexes = index.nameWords("Nguyễn Văn An");
    assertEquals(
        List.of(index.of("name", "nguyen"), index.of("name", "van"), index.of("name", "an")),
        List.copyOf(indexes));
    assertTrue(indexes.containsAll(index.nameWords("nguyen van")));
    assertTrue(index.nameWords(null).isEmpty());
  }

  @Test
  void macIsTheFull32ByteHmacThatIndexesAreCutFrom() {
    byte[] mac = index.mac("email\0a@b.vn".getBytes(StandardCharsets.UTF_8));
    assertEquals(32, mac.length);
    assertEquals(HexFormat.of().formatHex(mac, 0, 16), index.of("email", "a@b.vn"));
  }

  @Test
  void rejectsShortKeysAndNulInDomain() {
    assertThrows(IllegalArgumentException.class, () -> new BlindIndex(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> new BlindIndex(null));
    assertThrows(IllegalArgumentException.class, () -> index.of("na\0me", "an"));
  }

  private static byte[] sequentialKey() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    return key;
  }
}
