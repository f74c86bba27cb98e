package app.custodian.audit.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.audit.control.ChainHash;
import app.custodian.audit.control.EntryMac;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  private final Instant at = Instant.parse("2026-11-23T10:15:30.123456789Z");
  private final EntryMac macs = new EntryMac(new byte[32]);

  private AuditEntry entry() {
    return new AuditEntry(
        at, "alice", "CUSTOMER_READ", "7f1d1f0e-3a64-4a5e-9d0e-0f6f1d2c3b4a", "list", macs);
  }

  @Test
  void anEntryIsWrittenWithItsMac() {
    AuditEntry entry = entry();
    assertTrue(entry.authentic(macs));
    byte[] otherKey = new byte[32];
    Arrays.fill(otherKey, (byte) 7);
    assertFalse(entry.authentic(new EntryMac(otherKey)), "only under the audit key");
  }

  @Test
  void aChangedFieldOrACopyUnderAnotherIdIsNotAuthentic() throws Exception {
    AuditEntry changed = entry();
    set(changed, "detail", "other");
    assertFalse(changed.authentic(macs));

    AuditEntry copied = entry();
    set(copied, "id", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    assertFalse(copied.authentic(macs));

    AuditEntry withoutMac = entry();
    set(withoutMac, "mac", null);
    assertFalse(withoutMac.authentic(macs));
  }

  @Test
  void aSealedEntryCannotBeRefused() throws Exception {
    AuditEntry entry = entry();
    AuditChainHead head = new AuditChainHead();
    set(head, "lastHash", ChainHash.GENESIS);
    head.seal(entry);
    assertThrows(IllegalStateException.class, entry::refuse);
  }

  @Test
  void anEntryWithACustomerIdThatIsNoUuidFollowsNothing() throws Exception {
    AuditEntry entry = entry();
    AuditChainHead head = new AuditChainHead();
    set(head, "lastHash", ChainHash.GENESIS);
    head.seal(entry);
    set(entry, "customerId", "not-a-uuid");
    assertFalse(entry.follows(ChainHash.GENESIS), "reported as a break, not thrown");
  }

  private static void set(Object target, String name, Object value) throws Exception {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }
}
