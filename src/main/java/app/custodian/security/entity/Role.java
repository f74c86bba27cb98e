package app.custodian.security.entity;

/** What a staff account may do. */
public enum Role {
  /** Everything. */
  ADMIN,
  /** Customer records, contracts, consents, privacy requests. */
  OPERATOR,
  /** Campaigns and their statistics; never a customer's personal data. */
  MARKETING,
  /** The audit trail, read-only. */
  AUDITOR
}
