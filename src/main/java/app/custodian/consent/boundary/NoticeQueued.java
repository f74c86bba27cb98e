package app.custodian.consent.boundary;

/** A confirmation email was queued in the current transaction. */
public record NoticeQueued() {}
