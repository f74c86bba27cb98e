package app.custodian.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainHashTest {

  private static final String PREVIOUS = "ab".repeat(32);
  private static final Instant AT = Instant.parse("2025-03-01T08:15:30.123456Z");
  private static final UUID CUSTOMER = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

  private static String base() {
    return ChainHash.next(PREVIOUS, 7, AT, "alice", "customer.update", CUSTOMER, "email");
  }

  @Test
  void genesisIs64Zeros() {
    assertEquals(64, ChainHash.GENESIS.length());
    assertTrue(ChainHash.GENESIS.matches("0+"));
  }

  @Test
  void isDeterministicLowercaseSha256Hex() {
    assertEquals(base(), base());
    assertTrue(base().matches("[0-9a-f]{64}"));
  }

  @Test
  void changesWhenAnyFieldChanges() {
    List<String> hashes =
        List.of(
            base(),
            ChainHash.next(ChainHash.GENESIS, 7, AT, "alice", "customer.update", CUSTOMER, "email"),
            ChainHash.next(PREVIOUS, 8, AT, "alice", "customer.update", CUSTOMER, "email"),
            ChainHash.next(
                PREVIOUS, 7, AT.plusNanos(1000), "alice", "customer.update", CUSTOMER, "email"),
            ChainHash.next(PREVIOUS, 7, AT, "bob", "customer.update", CUSTOMER, "email"),
            ChainHash.next(PREVIOUS, 7, AT, "alice", "customer.read", CUSTOMER, "email"),
            ChainHash.next(PREVIOUS, 7, AT, "alice", "customer.update", UUID.randomUUID(), "email"),
            ChainHash.next(PREVIOUS, 7, AT, "alice", "customer.update", null, "email"),
            ChainHash.next(PREVIOUS, 7, AT, "alice", "customer.update", CUSTOMER, "phone"),
            ChainHash.next(PREVIOUS, 7, AT, "alice", "customer.update", CUSTOMER, null));
    assertEquals(hashes.size(), Set.copyOf(hashes).size());
  }

  @Test
  void nullDetailDiffersFromEmptyDetail() {
    assertNotEquals(
        ChainHash.next(PREVIOUS, 1, AT, "alice", "login", null, null),
        ChainHash.next(PREVIOUS, 1, AT, "alice", "login", null, ""));
  }

  @Test
  void fieldBoundariesAreUnambiguous() {
    assertNotEquals(
        ChainHash.next(PREVIOUS, 1, AT, "alice", "xlogin", null, null),
        ChainHash.next(PREVIOUS, 1, AT, "alicex", "login", null, null));
    assertNotEquals(
        ChainHash.next(PREVIOUS, 1, AT, "alice", "login", null, ""),
        ChainHash.next(PREVIOUS, 1, AT, "alice", "", null, "login"));
  }

  @Test
  void ignoresPrecisionBelowMicroseconds() {
    Instant withNanos = Instant.parse("2025-03-01T08:15:30.123456789Z");
    assertEquals(
        ChainHash.next(PREVIOUS, 1, withNanos, "alice", "login", null, null),
        ChainHash.next(PREVIOUS, 1, AT, "alice", "login", null, null));
  }

  @Test
  void chainsFromGenesis() {
    String first = ChainHash.next(ChainHash.GENESIS, 1, AT, "alice", "login", null, null);
    String second = ChainHash.next(first, 2, AT, "alice", "logout", null, null);
    assertNotEquals(first, second);
    assertNotEquals(
        second, ChainHash.next(ChainHash.GENESIS, 2, AT, "alice", "logout", null, null));
  }
}
