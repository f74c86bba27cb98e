package app.custodian.delivery.boundary;

import java.time.Instant;

/**
 * What came back for a message, as its person's export shows it: {@code HARD_BOUNCE}, {@code
 * SOFT_BOUNCE}, {@code COMPLAINT} or {@code UNSUBSCRIBE}, and when it was received.
 */
public record MessageReturn(String kind, Instant at) {}
