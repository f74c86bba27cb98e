package app.custodian.delivery.entity;

/** What became of one message of a mail job. */
public enum DeliveryStatus {
  /** Committed before the SMTP hand-off; still so after a crash means nobody knows. */
  PENDING,
  SENT,
  /** Rejected for good by the SMTP server; the address is suppressed. */
  FAILED,
  /** In flight when a process died or a connection broke mid-message: never re-sent silently. */
  UNCERTAIN
}
