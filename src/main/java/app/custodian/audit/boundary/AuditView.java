package app.custodian.audit.boundary;

import app.custodian.audit.entity.AuditEntry;
import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.time.Instant;

/** An audit entry as the API shows it; {@code seq} is its place in the chain once sealed. */
@JsonbNillable
public record AuditView(
    String id, Long seq, Instant at, String actor, String action, String customerId, String detail)
    implements Serializable {

  static AuditView of(AuditEntry entry) {
    return new AuditView(
        entry.id(),
        entry.seq(),
        entry.at(),
        entry.actor(),
        entry.action(),
        entry.customerId(),
        entry.detail());
  }
}
