package app.custodian.consent.entity;

/** The confirmation emails of the consent ledger. */
public enum ConsentEmailKind {
  /** Consent was granted: it says so and how to withdraw. */
  GRANTED,
  /** The person unsubscribed: one plain confirmation, nothing else. */
  WITHDRAWN,
  /** Purposes ticked on the preference page: a link to confirm them, granted only once opened. */
  CONFIRMATION
}
