package app.custodian.consent.entity;

import app.custodian.platform.control.Ids;
import app.custodian.security.control.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One entry of the consent ledger: who claimed what, when, through which source and notice version,
 * with what evidence. Never changed once written. A claim that could not be applied (the address is
 * suppressed) is kept with the reason.
 */
@Entity
@Table(name = "consent_event")
public class ConsentEvent {

  @Id private String id;

  @Column(name = "customer_id")
  private String customerId;

  @Enumerated(EnumType.STRING)
  private Purpose purpose;

  private boolean granted;
  private boolean applied;

  @Column(name = "not_applied_reason")
  private String notAppliedReason;

  private Instant at;
  private String actor;
  private String source;

  @Column(name = "policy_version")
  private String policyVersion;

  // Evidence may quote a form, an address or a recording reference: personal data.
  @Convert(converter = EncryptedString.class)
  private String evidence;

  protected ConsentEvent() {}

  private ConsentEvent(String customerId, ConsentClaim claim, String notAppliedReason) {
    this.id = Ids.newTimeOrderedId();
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.purpose = claim.purpose();
    this.granted = claim.granted();
    this.applied = notAppliedReason == null;
    this.notAppliedReason = notAppliedReason;
    this.at = claim.at().truncatedTo(ChronoUnit.MICROS);
    this.actor = claim.actor();
    this.source = claim.source();
    this.policyVersion = claim.policyVersion();
    this.evidence = claim.evidence();
  }

  public static ConsentEvent applied(String customerId, ConsentClaim claim) {
    return new ConsentEvent(customerId, claim, null);
  }

  /** A claim recorded as made but not given effect, for the reason named. */
  public static ConsentEvent notApplied(String customerId, ConsentClaim claim, String reason) {
    return new ConsentEvent(customerId, claim, Objects.requireNonNull(reason, "reason"));
  }

  public String id() {
    return id;
  }

  public String customerId() {
    return customerId;
  }

  public Purpose purpose() {
    return purpose;
  }

  public boolean granted() {
    return granted;
  }

  public boolean applied() {
    return applied;
  }

  public String notAppliedReason() {
    return notAppliedReason;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String source() {
    return source;
  }

  public String policyVersion() {
    return policyVersion;
  }

  public String evidence() {
    return evidence;
  }
}
