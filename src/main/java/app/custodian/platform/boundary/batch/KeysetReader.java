package app.custodian.platform.boundary.batch;

import app.custodian.platform.boundary.JobDatabase;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A job's reader that streams rows in key order a page at a time (keyset paging, never offsets:
 * rows change during a run). The checkpoint is the key of the last item read, so a restart goes on
 * after it; what the job has done to earlier items keeps them out of later pages.
 *
 * @param <T> the item
 */
public abstract class KeysetReader<T> extends AbstractItemReader {

  @Inject JobDatabase database;

  private final int pageSize;
  private final Deque<T> page = new ArrayDeque<>();
  private Connection connection;
  private String lastRead = "";
  private boolean exhausted;

  protected KeysetReader(int pageSize) {
    this.pageSize = pageSize;
  }

  /** Up to {@code limit} items whose keys come after {@code afterKey}, in key order. */
  protected abstract List<T> pageAfter(Connection connection, String afterKey, int limit)
      throws SQLException;

  protected abstract String keyOf(T item);

  /** Reads what the pages depend on, once the connection is open. */
  protected void prepare(Connection connection) throws SQLException {}

  @Override
  public void open(Serializable checkpoint) throws Exception {
    if (checkpoint != null) {
      lastRead = (String) checkpoint;
    }
    connection = database.connect();
    prepare(connection);
  }

  @Override
  public Object readItem() throws Exception {
    if (page.isEmpty() && !exhausted) {
      page.addAll(pageAfter(connection, lastRead, pageSize));
      exhausted = page.size() < pageSize;
    }
    T next = page.poll();
    if (next != null) {
      lastRead = keyOf(next);
    }
    return next;
  }

  @Override
  public Serializable checkpointInfo() {
    return lastRead;
  }

  @Override
  public void close() throws Exception {
    if (connection != null) {
      connection.close();
    }
  }
}
