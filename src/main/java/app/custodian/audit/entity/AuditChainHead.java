package app.custodian.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The end of the audit chain. Writers lock this single row, so entries are appended one at a time
 * and the chain never forks.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

  public static final int ID = 1;

  @Id private int id;

  @Column(name = "last_seq")
  private long lastSeq;

  @Column(name = "last_hash")
  private String lastHash;

  protected AuditChainHead() {}

  public AuditEntry append(
      Instant at, String actor, String action, String customerId, String detail) {
    AuditEntry entry = new AuditEntry(lastSeq + 1, lastHash, at, actor, action, customerId, detail);
    lastSeq = entry.seq();
    lastHash = entry.hash();
    return entry;
  }

  /** Whether the chain's last entry is the one this head remembers. */
  public boolean endsWith(long seq, String hash) {
    return lastSeq == seq && lastHash.equals(hash);
  }

  public long lastSeq() {
    return lastSeq;
  }
}
