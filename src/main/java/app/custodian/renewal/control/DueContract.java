package app.custodian.renewal.control;

import java.io.Serializable;
import java.time.LocalDate;

/** A contract whose reminder for {@code offsetDays} is due, with what the reminder tells. */
public record DueContract(
    String contractId,
    String customerId,
    String reference,
    String service,
    LocalDate lastDay,
    int offsetDays,
    long daysLeft)
    implements Serializable {}
