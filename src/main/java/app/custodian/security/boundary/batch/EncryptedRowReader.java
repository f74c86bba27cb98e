package app.custodian.security.boundary.batch;

import app.custodian.platform.boundary.JobDatabase;
import app.custodian.security.control.EncryptedColumns;
import app.custodian.security.control.EncryptedRow;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Streams every row of every table with encrypted columns, table after table, each in id order a
 * page at a time (keyset paging). The checkpoint is the table and the id of the last row read, so a
 * restart goes on after it.
 */
@Named
@Dependent
public class EncryptedRowReader extends AbstractItemReader {

  static final int PAGE = 1000;

  @Inject JobDatabase database;

  private final Deque<EncryptedRow> page = new ArrayDeque<>();
  private Connection connection;
  private int table;
  private String lastRead = "";
  private boolean tableExhausted;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    if (checkpoint != null) {
      String position = (String) checkpoint;
      int colon = position.indexOf(':');
      table = Integer.parseInt(position.substring(0, colon));
      lastRead = position.substring(colon + 1);
    }
    connection = database.connect();
  }

  @Override
  public Object readItem() throws Exception {
    while (page.isEmpty() && table < EncryptedColumns.ALL.size()) {
      if (tableExhausted) {
        table++;
        lastRead = "";
        tableExhausted = false;
        continue;
      }
      page.addAll(EncryptedRow.page(connection, table, lastRead, PAGE));
      tableExhausted = page.size() < PAGE;
    }
    EncryptedRow next = page.poll();
    if (next != null) {
      lastRead = next.id();
    }
    return next;
  }

  @Override
  public Serializable checkpointInfo() {
    return table + ":" + lastRead;
  }

  @Override
  public void close() throws Exception {
    if (connection != null) {
      connection.close();
    }
  }
}
