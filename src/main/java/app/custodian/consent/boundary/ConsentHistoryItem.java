package app.custodian.consent.boundary;

import app.custodian.consent.entity.ConsentEvent;
import java.io.Serializable;
import java.time.Instant;

/** One event of the ledger as staff and the person see it. */
public record ConsentHistoryItem(
    String purpose,
    boolean granted,
    Instant at,
    String source,
    String actor,
    String policyVersion,
    String evidence,
    boolean applied,
    String notAppliedReason)
    implements Serializable {

  static ConsentHistoryItem of(ConsentEvent e) {
    return new ConsentHistoryItem(
        e.purpose().name(),
        e.granted(),
        e.at(),
        e.source(),
        e.actor(),
        e.policyVersion(),
        e.evidence(),
        e.applied(),
        e.notAppliedReason());
  }
}
