package app.custodian.retention.control;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the retention rules look at for one customer.
 *
 * @param lastContractDay the last day of their latest-ending contract, or null when they never had
 *     one
 * @param lastActivity the latest of their creation, last change and last consent event
 */
public record CustomerFacts(
    boolean legalHold, LocalDate lastContractDay, boolean consentGranted, Instant lastActivity) {}
