package app.custodian.consent.entity;

/** Why an address must not be mailed. */
public enum SuppressionReason {
  UNSUBSCRIBED,
  HARD_BOUNCE,
  COMPLAINT,
  SOFT_BOUNCE_LIMIT,
  ERASED,
  MANUAL
}
