package app.custodian.bulk.boundary;

import java.time.Instant;

/**
 * An export as {@code GET /api/v1/exports/{id}} shows it: {@code RUNNING}, {@code COMPLETED} (the
 * file waits until {@code expiresAt} for its one download), {@code DOWNLOADED}, {@code EXPIRED} or
 * {@code FAILED}; and how many customers it holds.
 */
public record ExportView(
    String exportId,
    Long executionId,
    String status,
    Instant createdAt,
    Instant endedAt,
    long count,
    Instant expiresAt,
    Instant downloadedAt) {}
