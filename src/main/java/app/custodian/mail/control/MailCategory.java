package app.custodian.mail.control;

/** What kind of email a message is, which decides its label and footer (Decree 91/2020). */
public enum MailCategory {
  /**
   * Marketing: labelled {@code [QC]}, names its sender as advertiser, needs an unsubscribe link.
   */
  ADVERTISING,
  /** A notice about the customer's own contracts, data or rights: never labelled. */
  SERVICE
}
