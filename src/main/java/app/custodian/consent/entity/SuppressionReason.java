package app.custodian.consent.entity;

/** Why an address must not be mailed. */
public enum SuppressionReason {
  UNSUBSCRIBED,
  HARD_BOUNCE,
  COMPLAINT,
  ERASED,
  MANUAL
}
