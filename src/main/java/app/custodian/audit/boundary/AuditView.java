package app.custodian.audit.boundary;

import app.custodian.audit.entity.AuditEntry;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** An audit entry as the API shows it. */
@JsonbNillable
public record AuditView(
    long seq, Instant at, String actor, String action, String customerId, String detail) {

  static AuditView of(AuditEntry entry) {
    return new AuditView(
        entry.seq(), entry.at(), entry.actor(), entry.action(), entry.customerId(), entry.detail());
  }
}
