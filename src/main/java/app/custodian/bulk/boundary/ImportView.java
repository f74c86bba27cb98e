package app.custodian.bulk.boundary;

import app.custodian.bulk.control.ImportTally.RowError;
import java.time.Instant;
import java.util.List;

/**
 * An import as {@code GET /api/v1/imports/{id}} shows it: its status ({@code RUNNING}, {@code
 * COMPLETED}, {@code FAILED} (a restart goes on), {@code INVALID} (the file as a whole could not be
 * imported) or {@code ABANDONED}), its counts and its first 1,000 problems. {@code rows} counts the
 * data rows handled so far.
 */
public record ImportView(
    String importId,
    Long executionId,
    String mode,
    boolean dryRun,
    String status,
    Instant createdAt,
    Instant endedAt,
    long rows,
    long created,
    long updated,
    long unchanged,
    long rejected,
    long consentsRecorded,
    long consentsNotApplied,
    List<RowError> errors) {

  /** The same with another status. */
  public ImportView withStatus(String other) {
    return new ImportView(
        importId,
        executionId,
        mode,
        dryRun,
        other,
        createdAt,
        endedAt,
        rows,
        created,
        updated,
        unchanged,
        rejected,
        consentsRecorded,
        consentsNotApplied,
        errors);
  }
}
