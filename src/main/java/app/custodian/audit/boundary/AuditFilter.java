package app.custodian.audit.boundary;

import java.time.Instant;

/** Which audit entries to list; null fields do not filter. */
public record AuditFilter(
    String customerId, String actor, String action, Instant from, Instant to) {}
