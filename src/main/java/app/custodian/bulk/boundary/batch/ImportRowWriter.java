package app.custodian.bulk.boundary.batch;

import app.custodian.bulk.boundary.ImportChunks;
import app.custodian.bulk.boundary.ImportProgress;
import app.custodian.bulk.boundary.ImportRun;
import app.custodian.bulk.control.ImportRow;
import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a chunk of rows ({@link ImportChunks}) and the import's checkpoint in one transaction of
 * its own connection: the rows of a chunk are imported, and counted done, together or not at all.
 */
@Named
@Dependent
public class ImportRowWriter extends AbstractItemWriter {

  @Inject JobDatabase database;
  @Inject ImportProgress progress;
  @Inject ImportChunks chunks;

  @Inject
  @BatchProperty(name = "importId")
  String importId;

  private Connection connection;
  private ImportRun run;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    connection = database.connect();
    run =
        progress
            .run(connection, importId)
            .orElseThrow(() -> new IllegalStateException("no import " + importId));
    connection.setAutoCommit(false);
  }

  @Override
  public void writeItems(List<Object> items) throws Exception {
    List<ImportRow> rows = new ArrayList<>(items.size());
    items.forEach(item -> rows.add((ImportRow) item));
    try {
      chunks.write(connection, run, rows);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    if (connection != null) {
      connection.rollback();
      connection.setAutoCommit(true);
      connection.close();
    }
  }
}
