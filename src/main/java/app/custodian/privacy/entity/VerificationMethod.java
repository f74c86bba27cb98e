package app.custodian.privacy.entity;

/** How the person's identity was verified. */
public enum VerificationMethod {
  /** The one-time code sent to the address on file was given back. */
  CODE,
  /** A staff member checked it (what they saw is recorded as evidence). */
  OPERATOR_CHECK,
  /** The person followed the public form's link sent to the address on file. */
  EMAIL_LINK
}
