package app.custodian.privacy.boundary;

import app.custodian.privacy.entity.PrivacyRequest;
import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A privacy request as staff see it. Absent optional fields are null, not missing. {@code
 * refusalReason} is staff's own (a legal hold's, say); {@code reasonForPerson} is what the person
 * was told, null when they were told the standard text.
 */
@JsonbNillable
public record PrivacyRequestView(
    String id,
    String customerId,
    String type,
    String channel,
    String status,
    Instant receivedAt,
    LocalDate acknowledgeBy,
    LocalDate dueBy,
    boolean extended,
    boolean processorsInvolved,
    Verification verification,
    boolean suspended,
    String suspensionReason,
    String refusalReason,
    String reasonForPerson,
    Instant acknowledgedAt,
    Instant completedAt,
    boolean overdue,
    Instant createdAt)
    implements Serializable {

  /** How and when the person's identity was verified, and by whom. */
  @JsonbNillable
  public record Verification(String method, Instant verifiedAt, String verifiedBy)
      implements Serializable {}

  static PrivacyRequestView of(PrivacyRequest r, LocalDate today) {
    Verification verification =
        r.verificationMethod() == null
            ? null
            : new Verification(r.verificationMethod().name(), r.verifiedAt(), r.verifiedBy());
    return new PrivacyRequestView(
        r.id(),
        r.customerId(),
        r.type().name(),
        r.channel().name(),
        r.status().name(),
        r.receivedAt(),
        r.acknowledgeBy(),
        r.dueBy(),
        r.extended(),
        r.processorsInvolved(),
        verification,
        r.suspended(),
        r.suspensionReason(),
        r.refusalReason(),
        r.reasonForPerson(),
        r.acknowledgedAt(),
        r.completedAt(),
        r.overdueOn(today),
        r.createdAt());
  }
}
