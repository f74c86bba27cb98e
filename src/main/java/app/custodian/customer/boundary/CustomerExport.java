package app.custodian.customer.boundary;

import java.time.Instant;

/** Everything held about one person, as one machine-readable document. */
public record CustomerExport(Instant exportedAt, CustomerView profile) {}
