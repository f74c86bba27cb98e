package app.custodian.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntryMacTest {

  private static final String ID = "3f2b0c1e-7a1d-4c8e-9b6a-2d4e5f60718a";
  private static final String CUSTOMER = "7f1d1f0e-3a64-4a5e-9d0e-0f6f1d2c3b4a";
  private static final Instant AT = Instant.parse("2026-11-23T10:15:30.123456Z");

  private final EntryMac macs = new EntryMac(key(0));

  private static byte[] key(int first) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (first + i);
    }
    return key;
  }

  private String signed() {
    return macs.sign(ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list");
  }

  @Test
  void theEncodingIsFixed() {
    // Computed apart from this class (Python's hmac over the same length-prefixed encoding):
    // a change to the encoding would make every stored MAC fail.
    assertEquals(
        "77cca8716b29bab9db59010c962bcb465825d385356580b220dc6069c5c28321",
        macs.sign(ID, AT, "alice", "CUSTOMER_READ", null, "lý do: café"));
  }

  @Test
  void anEntryVerifiesWithItsOwnMac() {
    String mac = signed();
    assertTrue(mac.matches("[0-9a-f]{64}"), mac);
    assertEquals(mac, signed(), "the same fields give the same MAC");
    assertTrue(macs.verifies(mac, ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"));
    assertTrue(
        new EntryMac(key(0)).verifies(mac, ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"),
        "another instance with the same key agrees");
  }

  @Test
  void everyFieldIsCovered() {
    String mac = signed();
    String other = "00000000-0000-4000-8000-000000000000";
    assertFalse(macs.verifies(mac, other, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"), "id");
    assertFalse(
        macs.verifies(mac, ID, AT.plusNanos(1000), "alice", "CUSTOMER_READ", CUSTOMER, "list"),
        "at");
    assertFalse(macs.verifies(mac, ID, AT, "mallory", "CUSTOMER_READ", CUSTOMER, "list"), "actor");
    assertFalse(macs.verifies(mac, ID, AT, "alice", "CUSTOMER_ERASED", CUSTOMER, "list"), "action");
    assertFalse(macs.verifies(mac, ID, AT, "alice", "CUSTOMER_READ", other, "list"), "customer");
    assertFalse(macs.verifies(mac, ID, AT, "alice", "CUSTOMER_READ", null, "list"), "no customer");
    assertFalse(macs.verifies(mac, ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "lisT"), "detail");
    assertFalse(macs.verifies(mac, ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, null), "no detail");
  }

  @Test
  void aCopiedRowWithANewIdDoesNotPass() {
    String mac = signed();
    String copy = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    assertFalse(macs.verifies(mac, copy, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"));
  }

  @Test
  void onlyTheAuditKeyMakesAValidMac() {
    String forged = new EntryMac(key(1)).sign(ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list");
    assertNotEquals(signed(), forged);
    assertFalse(macs.verifies(forged, ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"));
  }

  @Test
  void aRetiredKeyStillVerifiesWhatItSignedButNeverSigns() {
    String underOldKey = signed();
    EntryMac rotated = new EntryMac(key(2), java.util.List.of(key(0)));

    assertTrue(rotated.verifies(underOldKey, ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"));
    String underNewKey = rotated.sign(ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list");
    assertNotEquals(underOldKey, underNewKey, "new entries are signed with the new key");
    assertTrue(rotated.verifies(underNewKey, ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"));
    assertFalse(
        rotated.verifies(underOldKey, ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "other"),
        "a changed entry fails under the retired key too");
    String forged = new EntryMac(key(1)).sign(ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list");
    assertFalse(rotated.verifies(forged, ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"));
    assertFalse(
        new EntryMac(key(2))
            .verifies(underOldKey, ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"),
        "once the old key is dropped, its entries no longer verify");
  }

  @Test
  void timesAreSignedAsTheDatabaseKeepsThem() {
    Instant withNanos = Instant.parse("2026-11-23T10:15:30.123456789Z");
    String mac = macs.sign(ID, withNanos, "alice", "CUSTOMER_READ", CUSTOMER, "list");
    assertEquals(signed(), mac);
    assertTrue(macs.verifies(mac, ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"));
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    assertNotEquals(
        macs.sign(ID, AT, "ab", "c", null, null), macs.sign(ID, AT, "a", "bc", null, null));
    assertNotEquals(
        macs.sign(ID, AT, "alice", "READ", null, ""),
        macs.sign(ID, AT, "alice", "READ", null, null),
        "an empty detail is not a missing one");
    assertNotEquals(
        macs.sign(ID, AT, "alice", "READ", "x", null),
        macs.sign(ID, AT, "alice", "READ", null, "x"),
        "a customer id is not a detail");
  }

  @Test
  void aMissingOrMalformedMacDoesNotPass() {
    String mac = signed();
    assertFalse(macs.verifies(null, ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"));
    assertFalse(macs.verifies("", ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"));
    assertFalse(
        macs.verifies(mac.substring(1), ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"));
    assertFalse(
        macs.verifies(mac.toUpperCase(), ID, AT, "alice", "CUSTOMER_READ", CUSTOMER, "list"));
    assertFalse(macs.verifies(mac, null, null, null, null, null, null), "a row of nulls");
  }

  @Test
  void anEntryBeingWrittenHasItsRequiredFields() {
    assertThrows(
        NullPointerException.class, () -> macs.sign(null, AT, "alice", "READ", null, null));
    assertThrows(
        NullPointerException.class, () -> macs.sign(ID, null, "alice", "READ", null, null));
    assertThrows(NullPointerException.class, () -> macs.sign(ID, AT, null, "READ", null, null));
    assertThrows(NullPointerException.class, () -> macs.sign(ID, AT, "alice", null, null, null));
  }

  @Test
  void aShortKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new EntryMac(new byte[16]));
  }
}
