package app.custodian.privacy.boundary;

/** An email about a privacy request was queued in the current transaction. */
public record PrivacyNoticeQueued() {}
