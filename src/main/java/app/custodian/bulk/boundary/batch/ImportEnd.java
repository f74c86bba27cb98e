package app.custodian.bulk.boundary.batch;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.bulk.boundary.BulkFiles;
import app.custodian.bulk.boundary.ImportProgress;
import app.custodian.bulk.boundary.ImportRun;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;

/**
 * The last step of an import that read its file to the end: the import is completed (unless it
 * ended as invalid), its audit entry written with the counts, and the uploaded file deleted.
 */
@Named
@Dependent
public class ImportEnd extends AbstractBatchlet {

  @Inject JobDatabase database;
  @Inject ImportProgress progress;
  @Inject AuditJournal audit;
  @Inject BulkFiles files;

  @Inject
  @BatchProperty(name = "importId")
  String importId;

  @Override
  public String process() throws Exception {
    try (Connection connection = database.connect()) {
      ImportRun run = progress.run(connection, importId).orElseThrow();
      JobDatabase.inTransaction(
          connection,
          () -> {
            if (progress.end(connection, importId, ImportProgress.COMPLETED)) {
              audit.append(
                  connection,
                  run.actor(),
                  run.dryRun() ? "IMPORT_DRY_RUN_COMPLETED" : "IMPORT_COMPLETED",
                  null,
                  "import " + importId + " " + progress.counts(connection, importId));
            }
          });
    }
    files.delete(files.importFile(importId));
    return ImportProgress.COMPLETED;
  }
}
