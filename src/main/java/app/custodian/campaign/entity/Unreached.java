package app.custodian.campaign.entity;

/**
 * The live customers a run of a campaign left without its message, by why: no consent to its
 * purpose, an address suppressed, or eligible but not sent to (deferred by the advertising cap, or
 * eligible since).
 */
public record Unreached(long skippedNoConsent, long skippedSuppressed, long deferred) {}
