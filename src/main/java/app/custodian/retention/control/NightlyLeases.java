package app.custodian.retention.control;

import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.SqlLists;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The leases of the nightly run, one per (job, night), with plain JDBC in auto-commit mode: the
 * node whose insert succeeds runs that job for that night; every other node finds it taken.
 */
public final class NightlyLeases {

  private NightlyLeases() {}

  /**
   * @return whether this node now holds the lease
   */
  public static boolean take(Connection connection, String job, LocalDate night, String node)
      throws SQLException {
    return SqlLists.execute(
            connection,
            "insert into nightly_lease (job_name, night, node, taken_at) values (?, ?, ?, ?)"
                + " on conflict do nothing",
            job,
            night,
            node,
            DatabaseTime.now())
        == 1;
  }

  /** Who holds the lease of the job's night, the execution it started and whether it finished. */
  public record Lease(String node, Long executionId, boolean finished) {}

  public static Optional<Lease> find(Connection connection, String job, LocalDate night)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select node, execution_id, finished_at from nightly_lease"
                + " where job_name = ? and night = ?")) {
      query.setString(1, job);
      query.setObject(2, night);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        long executionId = row.getLong(2);
        Long execution = row.wasNull() ? null : executionId;
        return Optional.of(new Lease(row.getString(1), execution, row.getObject(3) != null));
      }
    }
  }

  /**
   * Takes the lease from a holder that is gone: of all nodes that try, exactly one gets {@code
   * true}.
   */
  public static boolean takeOver(
      Connection connection, String job, LocalDate night, String goneNode, String node)
      throws SQLException {
    return SqlLists.execute(
            connection,
            "update nightly_lease set node = ?, taken_at = ?"
                + " where job_name = ? and night = ? and node = ? and finished_at is null",
            node,
            DatabaseTime.now(),
            job,
            night,
            goneNode)
        == 1;
  }

  public static void started(Connection connection, String job, LocalDate night, long executionId)
      throws SQLException {
    set(connection, "execution_id", executionId, job, night);
  }

  public static void finished(Connection connection, String job, LocalDate night)
      throws SQLException {
    set(connection, "finished_at", DatabaseTime.now(), job, night);
  }

  /** Whether the job's run of that night has ended, wherever it ran. */
  public static boolean isFinished(Connection connection, String job, LocalDate night)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select 1 from nightly_lease where job_name = ? and night = ?"
                + " and finished_at is not null")) {
      query.setString(1, job);
      query.setObject(2, night);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  /** When the database was set up: no night before that was missed. */
  public static Instant installedAt(Connection connection) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement("select installed_at from installation where id = 1");
        ResultSet row = query.executeQuery()) {
      row.next();
      return DatabaseTime.instant(row.getObject(1, OffsetDateTime.class));
    }
  }

  private static void set(
      Connection connection, String column, Object value, String job, LocalDate night)
      throws SQLException {
    SqlLists.execute(
        connection,
        "update nightly_lease set " + column + " = ? where job_name = ? and night = ?",
        value,
        job,
        night);
  }
}
