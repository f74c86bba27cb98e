package app.custodian.bulk.control;

import app.custodian.consent.entity.Purpose;
import java.time.Instant;

/**
 * A grant an import row claims, with its proof: where and when it was collected, the policy version
 * the person was shown (null: the one in force then), and the evidence (null: the import's id).
 */
public record ConsentGrant(
    Purpose purpose, String source, String policyVersion, Instant collectedAt, String evidence) {}
