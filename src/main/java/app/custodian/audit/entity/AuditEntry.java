package app.custodian.audit.entity;

import app.custodian.audit.control.ChainHash;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One link of the audit chain: ids only, never personal data. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id private long seq;
  private Instant at;
  private String actor;
  private String action;

  @Column(name = "customer_id")
  private String customerId;

  private String detail;

  @Column(name = "previous_hash")
  private String previousHash;

  private String hash;

  protected AuditEntry() {}

  AuditEntry(
      long seq,
      String previousHash,
      Instant at,
      String actor,
      String action,
      String customerId,
      String detail) {
    this.seq = seq;
    this.previousHash = previousHash;
    this.at = at.truncatedTo(ChronoUnit.MICROS);
    this.actor = actor;
    this.action = action;
    this.customerId = customerId;
    this.detail = detail;
    this.hash = computeHash();
  }

  /** Whether this entry is unchanged and follows the given hash. */
  public boolean follows(String expectedPreviousHash) {
    return previousHash.equals(expectedPreviousHash) && hash.equals(computeHash());
  }

  private String computeHash() {
    return ChainHash.next(previousHash, seq, at, actor, action, customerIdAsUuid(), detail);
  }

  private java.util.UUID customerIdAsUuid() {
    return customerId == null ? null : java.util.UUID.fromString(customerId);
  }

  public long seq() {
    return seq;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String customerId() {
    return customerId;
  }

  public String detail() {
    return detail;
  }

  public String hash() {
    return hash;
  }
}
