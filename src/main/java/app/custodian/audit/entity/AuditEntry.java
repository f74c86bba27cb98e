package app.custodian.audit.entity;

import app.custodian.audit.control.ChainHash;
import app.custodian.audit.control.EntryMac;
import app.custodian.platform.control.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the audit trail: ids only, never personal data. Written with the act it records and
 * its MAC, then sealed into the hash chain, which gives it its place ({@code seq}) and its hash. An
 * entry without a valid MAC was not written by the application: it is refused, never sealed.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id private String id;

  private Long seq;
  private Instant at;
  private String actor;
  private String action;

  @Column(name = "customer_id")
  private String customerId;

  private String detail;

  @Column(name = "previous_hash")
  private String previousHash;

  private String hash;

  private String mac;

  /** Whether the sealer found it without a valid MAC and left it out of the chain for good. */
  private boolean refused;

  protected AuditEntry() {}

  public AuditEntry(
      Instant at, String actor, String action, String customerId, String detail, EntryMac macs) {
    this.id = Ids.newTimeOrderedId();
    this.at = at.truncatedTo(ChronoUnit.MICROS); // what the database keeps, so the hash holds
    this.actor = Objects.requireNonNull(actor);
    this.action = Objects.requireNonNull(action);
    this.customerId = customerId;
    this.detail = detail;
    this.mac = macs.sign(id, this.at, actor, action, customerId, detail);
  }

  /** Whether the application wrote this entry as it stands: its MAC matches every field. */
  public boolean authentic(EntryMac macs) {
    return macs.verifies(mac, id, at, actor, action, customerId, detail);
  }

  /** Keeps an entry that is not {@link #authentic} out of the chain, so no sealer tries again. */
  public void refuse() {
    if (sealed()) {
      throw new IllegalStateException("audit entry " + id + " is sealed already");
    }
    refused = true;
  }

  void seal(long seq, String previousHash) {
    if (sealed()) {
      throw new IllegalStateException("audit entry " + id + " is sealed already");
    }
    this.seq = seq;
    this.previousHash = previousHash;
    this.hash = computeHash();
  }

  public boolean sealed() {
    return seq != null;
  }

  /** Whether this entry is sealed, unchanged, and follows the given hash. */
  public boolean follows(String expectedPreviousHash) {
    try {
      return sealed() && expectedPreviousHash.equals(previousHash) && computeHash().equals(hash);
    } catch (IllegalArgumentException e) { // a customer id that is no UUID, written outside
      return false;
    }
  }

  private String computeHash() {
    return ChainHash.next(
        previousHash,
        seq,
        at,
        actor,
        action,
        customerId == null ? null : UUID.fromString(customerId),
        detail);
  }

  public String id() {
    return id;
  }

  public Long seq() {
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
