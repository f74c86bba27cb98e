package app.custodian.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the audit chain. The sealer locks this single row, so entries join the chain one at a
 * time and it never forks, however many nodes write.
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

  /** Makes the entry the new end of the chain. */
  public void seal(AuditEntry entry) {
    entry.seal(lastSeq + 1, lastHash);
    lastSeq = entry.seq();
    lastHash = entry.hash();
  }

  public long lastSeq() {
    return lastSeq;
  }

  /** Whether the chain's last entry is the one this head remembers. */
  public boolean endsWith(long seq, String hash) {
    return lastSeq == seq && lastHash.equals(hash);
  }
}
