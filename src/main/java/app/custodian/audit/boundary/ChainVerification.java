package app.custodian.audit.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * The result of checking the audit trail. {@code entries} counts the chain's entries found intact;
 * {@code firstBrokenSeq} is null when the chain links hold; {@code forged} names entries, sealed or
 * not, without a valid MAC (the first {@link #FORGED_LISTED} of {@code forgedCount}). Valid only
 * when the chain holds and nothing is forged.
 */
public record ChainVerification(
    boolean valid, long entries, Long firstBrokenSeq, List<String> forged, long forgedCount)
    implements Serializable {

  public static final int FORGED_LISTED = 1000;

  public ChainVerification {
    forged = List.copyOf(forged);
  }
}
