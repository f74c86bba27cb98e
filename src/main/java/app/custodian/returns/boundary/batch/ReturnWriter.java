package app.custodian.returns.boundary.batch;

import app.custodian.platform.boundary.JobDatabase;
import app.custodian.returns.boundary.ReturnActions;
import app.custodian.returns.boundary.ReturnActions.Outcome;
import app.custodian.returns.boundary.ReturnActions.Source;
import app.custodian.returns.boundary.ReturnMetrics;
import app.custodian.returns.boundary.ReturnTally;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.Message;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Acts on a chunk of returned emails in one transaction (see {@link ReturnActions}), and only after
 * its commit moves them out of the mailbox: a crash in between leaves them to be read again, and
 * their recorded returns make the next run skip them.
 */
@Named
@Dependent
public class ReturnWriter extends AbstractItemWriter {

  @Inject StepContext step;
  @Inject JobContext job;
  @Inject JobDatabase database;
  @Inject ReturnActions actions;
  @Inject ReturnMetrics metrics;

  private Connection connection;
  private HashMap<String, Long> counts;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    counts = ReturnTally.from(step.getPersistentUserData());
    connection = database.connect();
    connection.setAutoCommit(false);
  }

  @Override
  public void writeItems(List<Object> items) throws Exception {
    List<Message> messages = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    try {
      for (Object item : items) {
        IncomingReturn incoming = (IncomingReturn) item;
        messages.add(incoming.message());
        actions
            .act(
                connection,
                Source.MAILBOX,
                incoming.sourceId(),
                incoming.returned(),
                false,
                job.getExecutionId())
            .ifPresent(outcomes::add);
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
    actions.committed(outcomes);
    ((ReturnsMailbox) step.getTransientUserData()).processed(messages);
    HashMap<String, Long> next = new HashMap<>(counts);
    next.merge(ReturnTally.READ, (long) items.size(), Long::sum);
    for (Outcome outcome : outcomes) {
      metrics.count(outcome.kind());
      ReturnTally.add(next, ReturnTally.of(outcome.kind()));
    }
    counts = next;
    step.setPersistentUserData(counts);
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
