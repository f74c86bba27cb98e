package app.custodian.renewal.boundary;

import java.time.Instant;

/** A renewal reminder to one person, for their export. */
public record ReminderSent(
    String contractId,
    int offsetDays,
    String status,
    Instant attemptedAt,
    Instant sentAt,
    String messageId,
    String consentEventId) {}
