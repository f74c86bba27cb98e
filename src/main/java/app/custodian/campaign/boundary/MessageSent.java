package app.custodian.campaign.boundary;

import app.custodian.delivery.boundary.MessageReturn;
import java.time.Instant;
import java.util.List;

/**
 * A campaign message to one person, for their export: what it was, how it went, the consent event
 * that allowed it, and what came back for it.
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
    String consentEventId,
    List<MessageReturn> returns) {}
