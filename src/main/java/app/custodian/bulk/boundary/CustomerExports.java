package app.custodian.bulk.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.jobs.boundary.JobRuns;
import app.custodian.platform.boundary.JobDatabase;
import app.custodian.platform.control.Ids;
import app.custodian.platform.control.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Bulk exports of the live customers: started by an administrator, written by the {@code
 * customer-export} job, downloaded once within an hour and deleted.
 */
@ApplicationScoped
public class CustomerExports {

  private static final Set<String> ENDED = Set.of("FAILED", "STOPPED", "ABANDONED");

  @Inject BulkFiles files;
  @Inject JobDatabase database;
  @Inject ExportRecords records;
  @Inject AuditJournal audit;
  @Inject JobRuns runs;

  /** Records an export and starts the job that writes it. */
  public BulkRun start(String actor) {
    String exportId = Ids.newId();
    try (Connection connection = database.connect()) {
      JobDatabase.inTransaction(
          connection,
          () -> {
            records.create(connection, exportId, actor);
            audit.append(connection, actor, "EXPORT_STARTED", null, "export " + exportId);
          });
      Properties parameters = new Properties();
      parameters.setProperty("exportId", exportId);
      long executionId = runs.start(CustomerExportJob.NAME, parameters);
      records.execution(connection, exportId, executionId);
      return new BulkRun(exportId, executionId);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The export as it stands; a run that died shows as FAILED. */
  public Optional<ExportView> find(String id) {
    Optional<String> exportId = Ids.parse(id);
    if (exportId.isEmpty()) {
      return Optional.empty();
    }
    try (Connection connection = database.connect()) {
      return records.view(connection, exportId.get()).map(this::withLiveStatus);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private ExportView withLiveStatus(ExportView view) {
    if (ExportRecords.RUNNING.equals(view.status())
        && view.executionId() != null
        && ended(view.executionId())) {
      return new ExportView(
          view.exportId(),
          view.executionId(),
          ExportRecords.FAILED,
          view.createdAt(),
          view.endedAt(),
          view.count(),
          view.expiresAt(),
          view.downloadedAt());
    }
    return view;
  }

  private boolean ended(long executionId) {
    return runs.find(executionId)
        .map(e -> e.orphaned() || ENDED.contains(e.batchStatus()))
        .orElse(true);
  }

  /** Writes plaintext to the client. */
  @FunctionalInterface
  public interface Download {
    void to(OutputStream out) throws IOException;
  }

  /**
   * Takes the one download of the file: it is audited, streamed, and deleted after, whether or not
   * the client read it all.
   *
   * @throws ProblemException 404 unknown; 409 while it is written; 410 downloaded or expired
   */
  public Download download(String id, String actor) {
    ExportView view = find(id).orElseThrow(() -> ProblemException.notFound("Export " + id));
    if (ExportRecords.RUNNING.equals(view.status()) || ExportRecords.FAILED.equals(view.status())) {
      throw ProblemException.conflict("The export is " + view.status() + ", not ready");
    }
    Path file = files.exportFile(view.exportId());
    try (Connection connection = database.connect()) {
      boolean[] taken = {false};
      JobDatabase.inTransaction(
          connection,
          () -> {
            taken[0] = records.takeDownload(connection, view.exportId());
            if (taken[0]) {
              audit.append(
                  connection,
                  actor,
                  "EXPORT_DOWNLOADED",
                  null,
                  "export " + view.exportId() + " customers " + view.count());
            }
          });
      if (!taken[0]) {
        throw gone(view.exportId());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out -> {
      try (InputStream in = files.open(file)) {
        in.transferTo(out);
      } finally {
        files.delete(file);
      }
    };
  }

  /** Deletes the files of exports whose hour passed without a download. */
  public void expireOld() {
    try (Connection connection = database.connect()) {
      for (String id : records.expire(connection)) {
        files.delete(files.exportFile(id));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ProblemException gone(String exportId) {
    return new ProblemException(
        410,
        "Gone",
        "Export " + exportId + " was downloaded already, or its hour has passed",
        java.util.List.of(),
        Map.of());
  }
}
