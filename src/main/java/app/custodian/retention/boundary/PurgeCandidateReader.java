package app.custodian.retention.boundary;

import app.custodian.platform.boundary.JobDatabase;
import app.custodian.retention.control.PurgeCandidates;
import app.custodian.retention.control.RetentionPolicy;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Streams the ids of customers a retention rule selects, in id order, a page at a time (keyset
 * paging). The checkpoint is the last id read; purged customers are gone, so a restart never
 * repeats one.
 */
@Named
@Dependent
public class PurgeCandidateReader extends AbstractItemReader {

  static final int PAGE = 1000;

  @Inject JobDatabase database;
  @Inject RetentionSettings settings;

  private Connection connection;
  private RetentionPolicy policy;
  private final Deque<String> page = new ArrayDeque<>();
  private String lastRead = "";
  private boolean exhausted;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    if (checkpoint != null) {
      lastRead = (String) checkpoint;
    }
    policy = settings.policy();
    connection = database.connect();
  }

  @Override
  public Object readItem() throws Exception {
    if (page.isEmpty() && !exhausted) {
      page.addAll(PurgeCandidates.after(connection, policy, Instant.now(), lastRead, PAGE));
      exhausted = page.size() < PAGE;
    }
    String next = page.poll();
    if (next != null) {
      lastRead = next;
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
