package app.custodian.renewal.boundary;

import app.custodian.platform.boundary.JobDatabase;
import app.custodian.renewal.control.DueContract;
import app.custodian.renewal.control.Reminders;
import app.custodian.renewal.control.RenewalSchedule;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Streams the running contracts that end within the longest renewal offset, with the offset due
 * today, in id order (keyset paging). The checkpoint is the last contract id read.
 */
@Named
@Dependent
public class DueContractReader extends AbstractItemReader {

  static final int PAGE = 500;

  @Inject JobDatabase database;
  @Inject RenewalSettings settings;

  private Connection connection;
  private RenewalSchedule schedule;
  private LocalDate today;
  private final Deque<DueContract> page = new ArrayDeque<>();
  private String lastRead = "";
  private boolean exhausted;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    if (checkpoint != null) {
      lastRead = (String) checkpoint;
    }
    schedule = settings.schedule();
    today = settings.today();
    connection = database.connect();
  }

  @Override
  public Object readItem() throws Exception {
    if (page.isEmpty() && !exhausted) {
      page.addAll(Reminders.due(connection, schedule, today, lastRead, PAGE));
      exhausted = page.size() < PAGE;
    }
    DueContract next = page.poll();
    if (next != null) {
      lastRead = next.contractId();
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
