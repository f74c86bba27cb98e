package app.custodian.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.audit.control.ChainHash;
import app.custodian.audit.control.EntryMac;
import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainHeadTest {

  private final Instant at = Instant.parse("2026-11-23T10:15:30.123456789Z");
  private final EntryMac macs = new EntryMac(new byte[32]);

  private static AuditChainHead genesis() throws Exception {
    AuditChainHead head = new AuditChainHead();
    set(head, "lastHash", ChainHash.GENESIS);
    return head;
  }

  @Test
  void sealedEntriesFormAChain() throws Exception {
    AuditChainHead head = genesis();
    AuditEntry first =
        new AuditEntry(
            at, "alice", "CUSTOMER_READ", "7f1d1f0e-3a64-4a5e-9d0e-0f6f1d2c3b4a", null, macs);
    AuditEntry second = new AuditEntry(at, "bob", "CUSTOMER_ERASED", null, "on request", macs);
    assertFalse(first.follows(ChainHash.GENESIS), "an unsealed entry is not in the chain");

    head.seal(first);
    head.seal(second);

    assertEquals(1L, first.seq());
    assertEquals(2L, second.seq());
    assertTrue(first.follows(ChainHash.GENESIS));
    assertTrue(second.follows(first.hash()));
    assertFalse(second.follows(ChainHash.GENESIS));
    assertTrue(head.endsWith(2, second.hash()));
    assertFalse(head.endsWith(1, first.hash()), "removing the last entry shows at the head");
    assertEquals(Instant.parse("2026-11-23T10:15:30.123456Z"), first.at(), "kept as microseconds");
  }

  @Test
  void anEntryIsSealedOnlyOnce() throws Exception {
    AuditChainHead head = genesis();
    AuditEntry entry = new AuditEntry(at, "alice", "CUSTOMER_READ", null, null, macs);
    head.seal(entry);
    assertThrows(IllegalStateException.class, () -> head.seal(entry));
  }

  @Test
  void aChangedFieldNoLongerMatchesItsHash() throws Exception {
    AuditEntry entry = new AuditEntry(at, "alice", "CUSTOMER_READ", null, "list", macs);
    genesis().seal(entry);
    set(entry, "actor", "mallory");
    assertFalse(entry.follows(ChainHash.GENESIS));
  }

  private static void set(Object target, String name, Object value) throws Exception {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }
}
