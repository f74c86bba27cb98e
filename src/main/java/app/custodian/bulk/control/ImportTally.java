package app.custodian.bulk.control;

import app.custodian.platform.control.FieldError;
import java.util.ArrayList;
import java.util.List;

/** What a chunk of rows came to: the counts an import reports, and the problems of its rows. */
public final class ImportTally {

  /** A problem of one row: where it is and which rule, never the value. */
  public record RowError(long row, String field, String message) {}

  public long created;
  public long updated;
  public long unchanged;
  public long rejected;
  public long consentsRecorded;
  public long consentsNotApplied;
  public final List<RowError> errors = new ArrayList<>();

  public void reject(long row, List<FieldError> problems) {
    rejected++;
    for (FieldError problem : problems) {
      errors.add(new RowError(row, problem.field(), problem.message()));
    }
  }
}
