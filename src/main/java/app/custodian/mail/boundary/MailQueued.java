package app.custodian.mail.boundary;

/** An email was queued in the current transaction. */
public record MailQueued() {}
