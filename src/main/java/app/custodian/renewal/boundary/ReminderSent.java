package app.custodian.renewal.boundary;

import app.custodian.delivery.boundary.MessageReturn;
import java.time.Instant;
import java.util.List;

/** A renewal reminder to one person, for their export, with what came back for it. */
public record ReminderSent(
    String contractId,
    int offsetDays,
    String status,
    Instant attemptedAt,
    Instant sentAt,
    String messageId,
    String consentEventId,
    List<MessageReturn> returns) {}
