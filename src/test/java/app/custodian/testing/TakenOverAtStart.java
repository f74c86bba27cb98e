package app.custodian.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plays a node taken for dead (a long pause, a split network) between its job's start and its first
 * step: while installed, a PostgreSQL trigger marks every execution taken over by another node as
 * its {@code job_node} row is written, so the job runs on as the old runner beside a successor.
 */
public final class TakenOverAtStart implements AutoCloseable {

  private final Connection db;

  private TakenOverAtStart(Connection db) {
    this.db = db;
  }

  public static TakenOverAtStart install(Connection db) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute(
          "create function taken_over_at_start() returns trigger language plpgsql as"
              + " $$ begin new.taken_over_by := 'successor-node'; return new; end $$");
      statement.execute(
          "create trigger taken_over_at_start before insert on job_node"
              + " for each row execute function taken_over_at_start()");
    }
    return new TakenOverAtStart(db);
  }

  @Override
  public void close() throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute("drop trigger taken_over_at_start on job_node");
      statement.execute("drop function taken_over_at_start()");
    }
  }
}
