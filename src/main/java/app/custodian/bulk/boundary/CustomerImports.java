package app.custodian.bulk.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.bulk.control.ImportMode;
import app.custodian.jobs.boundary.JobRuns;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.platform.control.Ids;
import app.custodian.platform.control.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Customer imports as staff start, follow and abandon them: the upload is streamed into the data
 * directory encrypted, then the {@code customer-import} job reads it.
 */
@ApplicationScoped
public class CustomerImports {

  private static final Set<String> ENDED = Set.of("FAILED", "STOPPED", "ABANDONED");

  @Inject BulkFiles files;
  @Inject JobDatabase database;
  @Inject ImportProgress progress;
  @Inject AuditJournal audit;
  @Inject JobRuns runs;

  /**
   * Stores the CSV and starts the job.
   *
   * @param actor the staff member, who is the actor of every change the import makes
   */
  public BulkRun start(InputStream csv, ImportMode mode, boolean dryRun, String actor) {
    String importId = Ids.newId();
    Path file = files.importFile(importId);
    long bytes;
    try {
      bytes = files.receive(csv, file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not store the upload of import " + importId, e);
    }
    if (bytes == 0) {
      files.delete(file);
      throw ProblemException.badRequest("The body is empty: send a CSV file with a header row");
    }
    try (Connection connection = database.connect()) {
      JobDatabase.inTransaction(
          connection,
          () -> {
            progress.create(connection, new ImportRun(importId, mode, dryRun, actor, 0, null));
            audit.append(
                connection,
                actor,
                "IMPORT_STARTED",
                null,
                "import " + importId + " mode " + mode.label() + (dryRun ? " dry run" : ""));
          });
      Properties parameters = new Properties();
      parameters.setProperty("importId", importId);
      long executionId = runs.start(CustomerImportJob.NAME, parameters);
      setExecution(connection, importId, executionId);
      return new BulkRun(importId, executionId);
    } catch (SQLException | RuntimeException e) {
      files.delete(file);
      throw e instanceof SQLException sql ? new IllegalStateException(sql) : (RuntimeException) e;
    }
  }

  /** The import as it stands; a run that died (a crashed node) shows as FAILED until restarted. */
  public Optional<ImportView> find(String id) {
    Optional<String> importId = Ids.parse(id);
    if (importId.isEmpty()) {
      return Optional.empty();
    }
    try (Connection connection = database.connect()) {
      return progress.view(connection, importId.get()).map(this::withLiveStatus);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private ImportView withLiveStatus(ImportView view) {
    if (ImportProgress.RUNNING.equals(view.status())
        && view.executionId() != null
        && ended(view.executionId())) {
      return view.withStatus(ImportProgress.FAILED);
    }
    return view;
  }

  /** Whether the execution ended without finishing the work, or died with its process. */
  private boolean ended(long executionId) {
    return runs.find(executionId)
        .map(e -> e.orphaned() || ENDED.contains(e.batchStatus()))
        .orElse(true);
  }

  /**
   * Gives up an import that is not running: it ends as ABANDONED and its file is deleted.
   *
   * @throws ProblemException 404 unknown, 409 while it runs or once it ended
   */
  public ImportView abandon(String id, String actor) {
    ImportView view = find(id).orElseThrow(() -> ProblemException.notFound("Import " + id));
    if (!ImportProgress.FAILED.equals(view.status())) {
      throw ProblemException.conflict(
          "Only a failed import can be abandoned; this one is " + view.status());
    }
    try (Connection connection = database.connect()) {
      JobDatabase.inTransaction(
          connection,
          () -> {
            if (progress.end(connection, view.importId(), ImportProgress.ABANDONED)) {
              audit.append(
                  connection, actor, "IMPORT_ABANDONED", null, "import " + view.importId());
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    files.delete(files.importFile(view.importId()));
    return find(id).orElseThrow();
  }

  private static void setExecution(Connection connection, String importId, long executionId)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update customer_import set execution_id = ? where id = ? and execution_id is null")) {
      update.setLong(1, executionId);
      update.setString(2, importId);
      update.executeUpdate();
    }
  }
}
