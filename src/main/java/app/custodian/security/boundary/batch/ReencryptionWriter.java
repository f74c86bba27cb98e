package app.custodian.security.boundary.batch;

import app.custodian.platform.boundary.JobDatabase;
import app.custodian.security.control.EncryptedRow;
import app.custodian.security.control.FieldCipher;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the chunk's re-encrypted rows in one transaction, each only where it still holds what was
 * read; a row changed meanwhile is read again and done again, a row deleted meanwhile is left.
 */
@Named
@Dependent
public class ReencryptionWriter extends AbstractItemWriter {

  private static final int ATTEMPTS = 10;

  @Inject JobDatabase database;
  @Inject FieldCipher cipher;

  private Connection connection;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    connection = database.connect();
  }

  @Override
  public void writeItems(List<Object> items) throws Exception {
    Map<Integer, List<EncryptedRow>> byTable = new LinkedHashMap<>();
    for (Object item : items) {
      EncryptedRow row = (EncryptedRow) item;
      byTable.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row);
    }
    JobDatabase.inTransaction(
        connection,
        () -> {
          for (List<EncryptedRow> rows : byTable.values()) {
            write(rows);
          }
        });
  }

  private void write(List<EncryptedRow> rows) throws SQLException {
    String sql = EncryptedRow.guardedUpdate(rows.get(0).tableOf());
    List<EncryptedRow> pending = rows;
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt == ATTEMPTS) {
        throw new IllegalStateException(
            "rows of " + rows.get(0).tableOf().name() + " kept changing during re-encryption");
      }
      List<EncryptedRow> changed = new ArrayList<>();
      try (PreparedStatement update = connection.prepareStatement(sql)) {
        for (EncryptedRow row : pending) {
          row.bind(update);
          update.addBatch();
        }
        int[] counts = update.executeBatch();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] == 0) {
            changed.add(pending.get(i));
          }
        }
      }
      pending = again(changed);
    }
  }

  private List<EncryptedRow> again(List<EncryptedRow> changed) throws SQLException {
    List<EncryptedRow> again = new ArrayList<>();
    for (EncryptedRow row : changed) {
      EncryptedRow now = EncryptedRow.reread(connection, row.table(), row.id());
      if (now != null && !now.current(cipher)) {
        again.add(now.reencrypted(cipher));
      }
    }
    return again;
  }

  @Override
  public void close() throws Exception {
    if (connection != null) {
      connection.close();
    }
  }
}
