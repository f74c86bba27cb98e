package app.custodian.privacy.entity;

import app.custodian.platform.control.Ids;
import app.custodian.platform.control.ProblemException;
import app.custodian.privacy.control.CodeCheck;
import app.custodian.security.control.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A privacy request of a person and the proof of how it was handled. It keeps the customer's id
 * only (no foreign key): it outlives an erasure, which is what it may have asked for, until {@code
 * CUSTODIAN_REQUESTS_RETENTION} after it was closed. Free texts written by staff (evidence,
 * reasons) are stored encrypted; a refusal's reason stays with staff, and the person is told only
 * the reason written for them.
 */
@Entity
@Table(name = "privacy_request")
public class PrivacyRequest {

  @Id private String id;

  @Column(name = "customer_id")
  private String customerId;

  @Enumerated(EnumType.STRING)
  private RequestType type;

  @Enumerated(EnumType.STRING)
  private RequestChannel channel;

  @Enumerated(EnumType.STRING)
  private RequestStatus status;

  @Column(name = "received_at")
  private Instant receivedAt;

  @Column(name = "acknowledge_by")
  private LocalDate acknowledgeBy;

  @Column(name = "due_by")
  private LocalDate dueBy;

  private boolean extended;

  @Convert(converter = EncryptedString.class)
  @Column(name = "extension_reason")
  private String extensionReason;

  @Column(name = "processors_involved")
  private boolean processorsInvolved;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "verification_method")
  private VerificationMethod verificationMethod;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "verified_by")
  private String verifiedBy;

  @Convert(converter = EncryptedString.class)
  @Column(name = "verification_evidence")
  private String verificationEvidence;

  @Column(name = "code_hash")
  private String codeHash;

  @Column(name = "code_expires_at")
  private Instant codeExpiresAt;

  @Column(name = "code_attempts")
  private int codeAttempts;

  private boolean suspended;

  @Convert(converter = EncryptedString.class)
  @Column(name = "suspension_reason")
  private String suspensionReason;

  @Convert(converter = EncryptedString.class)
  @Column(name = "refusal_reason")
  private String refusalReason;

  @Convert(converter = EncryptedString.class)
  @Column(name = "reason_for_person")
  private String reasonForPerson;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "created_at")
  private Instant createdAt;

  @Version private long version;

  protected PrivacyRequest() {}

  public PrivacyRequest(
      String customerId,
      RequestType type,
      RequestChannel channel,
      Instant receivedAt,
      boolean processorsInvolved,
      LocalDate acknowledgeBy,
      LocalDate dueBy,
      Instant now) {
    this.id = Ids.newId();
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.type = Objects.requireNonNull(type, "type");
    this.channel = Objects.requireNonNull(channel, "channel");
    this.receivedAt = micros(Objects.requireNonNull(receivedAt, "receivedAt"));
    this.processorsInvolved = processorsInvolved;
    this.acknowledgeBy = Objects.requireNonNull(acknowledgeBy, "acknowledgeBy");
    this.dueBy = Objects.requireNonNull(dueBy, "dueBy");
    this.status = RequestStatus.PENDING_VERIFICATION;
    this.createdAt = micros(now);
  }

  /** The acknowledgement (with its code) was queued to the person. */
  public void acknowledged(Instant now) {
    if (acknowledgedAt == null) {
      acknowledgedAt = micros(now);
    }
  }

  /** A fresh code was sent: the earlier one is dead, the attempts start again. */
  public void codeIssued(String hash, Instant expiresAt) {
    requireOpen("send a code");
    this.codeHash = Objects.requireNonNull(hash, "hash");
    this.codeExpiresAt = micros(expiresAt);
    this.codeAttempts = 0;
  }

  /** A new code was asked for: the one sent before dies at once. */
  public void codeWithdrawn() {
    this.codeHash = null;
    this.codeExpiresAt = null;
    this.codeAttempts = 0;
  }

  /** Checks a code the person gave; a wrong one counts as an attempt. */
  public CodeCheck.Outcome tryCode(String givenHash, int maxAttempts, Instant now) {
    requireStatus(RequestStatus.PENDING_VERIFICATION, "verify");
    requireNotSuspended("verify by code");
    CodeCheck.Outcome outcome =
        CodeCheck.decide(codeHash, codeExpiresAt, codeAttempts, maxAttempts, givenHash, now);
    switch (outcome) {
      case WRONG -> codeAttempts++;
      case VERIFIED -> {
        verified(VerificationMethod.CODE, null, null, now);
      }
      default -> {
        // nothing changes: no code, or a dead one
      }
    }
    return outcome;
  }

  /** Identity verified by a staff member's check, a code or the email link. */
  public void verified(VerificationMethod method, String by, String evidence, Instant now) {
    requireStatus(RequestStatus.PENDING_VERIFICATION, "verify");
    this.status = RequestStatus.VERIFIED;
    this.verificationMethod = Objects.requireNonNull(method, "method");
    this.verifiedBy = by;
    this.verificationEvidence = evidence;
    this.verifiedAt = micros(now);
    this.codeHash = null;
    this.codeExpiresAt = null;
  }

  /** The one extension the rules allow. */
  public void extend(LocalDate newDueBy, String reason) {
    requireOpen("extend");
    if (extended) {
      throw ProblemException.conflict("The request was extended already; only one is allowed");
    }
    this.extended = true;
    this.extensionReason = Objects.requireNonNull(reason, "reason");
    this.dueBy = Objects.requireNonNull(newDueBy, "newDueBy");
  }

  /** Checks that the request may be fulfilled now; call before doing the work. */
  public void requireCompletable() {
    requireStatus(RequestStatus.VERIFIED, "complete");
    requireNotSuspended("complete");
  }

  public void complete(Instant now) {
    requireCompletable();
    this.status = RequestStatus.COMPLETED;
    this.completedAt = micros(now);
  }

  /** Refused for a reason written for the person: they are told it. */
  public void refuse(String reason, Instant now) {
    refuse(reason, Objects.requireNonNull(reason, "reason"), now);
  }

  /**
   * Refused for a reason that stays with staff (a legal hold's, say).
   *
   * @param reasonForPerson what the person is told; null: the standard text
   */
  public void refuse(String reason, String reasonForPerson, Instant now) {
    requireOpen("refuse");
    this.status = RequestStatus.REFUSED;
    this.refusalReason = Objects.requireNonNull(reason, "reason");
    this.reasonForPerson = reasonForPerson;
    this.completedAt = micros(now);
  }

  /** Fraud suspected: no email about the request goes out until it is cleared. */
  public void suspend(String reason) {
    requireOpen("suspend");
    if (suspended) {
      throw ProblemException.conflict("The request is suspended already");
    }
    this.suspended = true;
    this.suspensionReason = Objects.requireNonNull(reason, "reason");
  }

  public void clearSuspension() {
    if (!suspended) {
      throw ProblemException.conflict("The request is not suspended");
    }
    this.suspended = false;
    this.suspensionReason = null;
  }

  /** Open and past its due date on {@code today}. */
  public boolean overdueOn(LocalDate today) {
    return status.open() && dueBy.isBefore(today);
  }

  private void requireOpen(String what) {
    if (!status.open()) {
      throw ProblemException.conflict("Cannot " + what + " a request that is " + status);
    }
  }

  private void requireStatus(RequestStatus expected, String what) {
    if (status != expected) {
      throw ProblemException.conflict(
          "Cannot " + what + " a request that is " + status + "; it must be " + expected);
    }
  }

  private void requireNotSuspended(String what) {
    if (suspended) {
      throw ProblemException.conflict(
          "Cannot " + what + " while the request is suspended (suspected fraud); clear it first");
    }
  }

  private static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  public String id() {
    return id;
  }

  public String customerId() {
    return customerId;
  }

  public RequestType type() {
    return type;
  }

  public RequestChannel channel() {
    return channel;
  }

  public RequestStatus status() {
    return status;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public LocalDate acknowledgeBy() {
    return acknowledgeBy;
  }

  public LocalDate dueBy() {
    return dueBy;
  }

  public boolean extended() {
    return extended;
  }

  public String extensionReason() {
    return extensionReason;
  }

  public boolean processorsInvolved() {
    return processorsInvolved;
  }

  public Instant acknowledgedAt() {
    return acknowledgedAt;
  }

  public VerificationMethod verificationMethod() {
    return verificationMethod;
  }

  public Instant verifiedAt() {
    return verifiedAt;
  }

  public String verifiedBy() {
    return verifiedBy;
  }

  public boolean suspended() {
    return suspended;
  }

  public String suspensionReason() {
    return suspensionReason;
  }

  /** Why staff refused it; for staff only. */
  public String refusalReason() {
    return refusalReason;
  }

  /** What the person is told of the refusal; null: the standard text. */
  public String reasonForPerson() {
    return reasonForPerson;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public int codeAttempts() {
    return codeAttempts;
  }
}
