package app.custodian.retention.control;

/** Why the retention purge deletes a customer; kept in their tombstone. */
public enum RetentionRule {
  /** Their last contract ended longer ago than {@code CUSTODIAN_RETENTION_AFTER_CONTRACT_END}. */
  CONTRACT_ENDED,
  /**
   * They never had a contract, hold no granted consent, and nothing happened on their record for
   * {@code CUSTODIAN_RETENTION_LEAD_INACTIVITY}.
   */
  LEAD_INACTIVE
}
