package app.custodian.privacy.boundary;

import app.custodian.privacy.entity.PrivacyRequest;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A privacy request as the person's export shows it: a refusal with what the person was told, never
 * staff's own reason.
 */
@JsonbNillable
public record PrivacyRequestRecord(
    String id,
    String type,
    String channel,
    String status,
    Instant receivedAt,
    LocalDate acknowledgeBy,
    LocalDate dueBy,
    boolean extended,
    String extensionReason,
    String verificationMethod,
    Instant verifiedAt,
    String refusalReason,
    Instant completedAt) {

  static PrivacyRequestRecord of(PrivacyRequest r, String language) {
    return new PrivacyRequestRecord(
        r.id(),
        r.type().name(),
        r.channel().name(),
        r.status().name(),
        r.receivedAt(),
        r.acknowledgeBy(),
        r.dueBy(),
        r.extended(),
        r.extensionReason(),
        r.verificationMethod() == null ? null : r.verificationMethod().name(),
        r.verifiedAt(),
        PrivacyMessages.refusalAsTold(r, language),
        r.completedAt());
  }
}
