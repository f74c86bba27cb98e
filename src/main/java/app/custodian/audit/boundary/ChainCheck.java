package app.custodian.audit.boundary;

import app.custodian.audit.control.ChainHash;
import app.custodian.audit.control.EntryMac;
import app.custodian.audit.entity.AuditChainHead;
import app.custodian.audit.entity.AuditEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * What a check of the audit trail has found so far: the entries of the chain up to the end its head
 * named when the check began, in order, then every other entry. Each must carry a valid MAC.
 */
final class ChainCheck {

  private final EntryMac macs;
  private final AuditChainHead end;
  private final List<String> forged = new ArrayList<>();
  private long forgedCount;
  private long intactSeq;
  private String intactHash = ChainHash.GENESIS;
  private Long firstBrokenSeq;

  /**
   * @param end the chain's head as read before the walk: entries sealed after it are not walked
   */
  ChainCheck(EntryMac macs, AuditChainHead end) {
    this.macs = macs;
    this.end = end;
  }

  /** The next entry of the chain, in order of {@code seq}, up to the end's. */
  void chained(AuditEntry entry) {
    checkMac(entry);
    if (firstBrokenSeq != null) {
      return;
    }
    if (entry.seq() == intactSeq + 1 && entry.follows(intactHash)) {
      intactSeq = entry.seq();
      intactHash = entry.hash();
    } else {
      firstBrokenSeq = intactSeq + 1;
    }
  }

  /** An entry not walked in the chain: not sealed, or sealed after the check began. */
  void outsideChain(AuditEntry entry) {
    checkMac(entry);
  }

  ChainVerification result() {
    Long broken = firstBrokenSeq;
    if (broken == null && !end.endsWith(intactSeq, intactHash)) {
      broken = intactSeq + 1; // entries missing at the end
    }
    return new ChainVerification(
        broken == null && forgedCount == 0, intactSeq, broken, forged, forgedCount);
  }

  private void checkMac(AuditEntry entry) {
    if (!entry.authentic(macs)) {
      forgedCount++;
      if (forged.size() < ChainVerification.FORGED_LISTED) {
        forged.add(entry.id());
      }
    }
  }
}
