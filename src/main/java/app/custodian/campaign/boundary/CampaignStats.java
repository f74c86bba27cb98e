package app.custodian.campaign.boundary;

import java.io.Serializable;

/**
 * How a campaign's sending went. {@code sent}, {@code failed} and {@code uncertain} count delivery
 * rows (people deleted since included) and move while it runs; the skipped and {@code deferred}
 * (over the 24-hour cap, or eligible since) figures are the live customers without a message as the
 * last run found them. {@code bounced} (a hard bounce, or the soft bounce that suppressed) and
 * {@code complained} count the messages that came back so, each once, people deleted since
 * included.
 */
public record CampaignStats(
    long sent,
    long skippedNoConsent,
    long skippedSuppressed,
    long failed,
    long uncertain,
    long pending,
    long deferred,
    long bounced,
    long complained)
    implements Serializable {}
