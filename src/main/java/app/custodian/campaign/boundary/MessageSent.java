package app.custodian.campaign.boundary;

import java.time.Instant;

/**
 * A campaign message to one person, for their export: what it was, how it went, and the consent
 * event that allowed it.
 */
public record MessageSent(
    String campaignId,
    String campaignName,
    String subject,
    String purpose,
    boolean advertising,
    String status,
    Instant attemptedAt,
    Instant sentAt,
    String messageId,
    String consentEventId) {}
