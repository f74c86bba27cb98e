package app.custodian.bulk.boundary;

import app.custodian.platform.control.DatabaseTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An export's record with plain JDBC: its status, count and its one download. */
@ApplicationScoped
public class ExportRecords {

  /** How long a finished export waits for its download. */
  public static final Duration DOWNLOAD_WINDOW = Duration.ofHours(1);

  public static final String RUNNING = "RUNNING";
  public static final String COMPLETED = "COMPLETED";
  public static final String DOWNLOADED = "DOWNLOADED";
  public static final String EXPIRED = "EXPIRED";
  public static final String FAILED = "FAILED";

  public void create(Connection connection, String exportId, String actor) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into customer_export (id, status, actor, created_at) values (?, ?, ?, ?)")) {
      insert.setString(1, exportId);
      insert.setString(2, RUNNING);
      insert.setString(3, actor);
      insert.setObject(4, DatabaseTime.now());
      insert.executeUpdate();
    }
  }

  public void execution(Connection connection, String exportId, long executionId)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement("update customer_export set execution_id = ? where id = ?")) {
      update.setLong(1, executionId);
      update.setString(2, exportId);
      update.executeUpdate();
    }
  }

  public String actor(Connection connection, String exportId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select actor from customer_export where id = ?")) {
      query.setString(1, exportId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("no export " + exportId);
        }
        return row.getString(1);
      }
    }
  }

  /** The file is written: it may be downloaded once until {@link #DOWNLOAD_WINDOW} from now. */
  public void completed(Connection connection, String exportId, long customers)
      throws SQLException {
    Instant now = Instant.now();
    try (PreparedStatement update =
        connection.prepareStatement(
            "update customer_export set status = ?, customers = ?, ended_at = ?, expires_at = ?"
                + " where id = ?")) {
      update.setString(1, COMPLETED);
      update.setLong(2, customers);
      update.setObject(3, DatabaseTime.column(now));
      update.setObject(4, DatabaseTime.column(now.plus(DOWNLOAD_WINDOW)));
      update.setString(5, exportId);
      update.executeUpdate();
    }
  }

  /**
   * Takes the one download, if it is still there to take.
   *
   * @return whether this call took it
   */
  public boolean takeDownload(Connection connection, String exportId) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update customer_export set downloaded_at = ?, status = ? where id = ? and status = ?"
                + " and downloaded_at is null and expires_at > ?")) {
      update.setObject(1, DatabaseTime.now());
      update.setString(2, DOWNLOADED);
      update.setString(3, exportId);
      update.setString(4, COMPLETED);
      update.setObject(5, DatabaseTime.now());
      return update.executeUpdate() == 1;
    }
  }

  /** Marks the exports whose time is up as expired; answers their ids. */
  public List<String> expire(Connection connection) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id from customer_export where status = ? and expires_at <= ?")) {
      query.setString(1, COMPLETED);
      query.setObject(2, DatabaseTime.now());
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          ids.add(row.getString(1));
        }
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "update customer_export set status = ? where id = ? and status = ?")) {
      for (String id : ids) {
        update.setString(1, EXPIRED);
        update.setString(2, id);
        update.setString(3, COMPLETED);
        update.addBatch();
      }
      update.executeBatch();
    }
    return ids;
  }

  public Optional<ExportView> view(Connection connection, String exportId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select execution_id, status, created_at, ended_at, customers, expires_at,"
                + " downloaded_at from customer_export where id = ?")) {
      query.setString(1, exportId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        long execution = row.getLong(1);
        Long executionId = row.wasNull() ? null : execution;
        String status = row.getString(2);
        Instant expiresAt = DatabaseTime.instant(row.getObject(6));
        if (COMPLETED.equals(status) && !expiresAt.isAfter(Instant.now())) {
          status = EXPIRED;
        }
        return Optional.of(
            new ExportView(
                exportId,
                executionId,
                status,
                DatabaseTime.instant(row.getObject(3)),
                DatabaseTime.instant(row.getObject(4)),
                row.getLong(5),
                expiresAt,
                DatabaseTime.instant(row.getObject(7))));
      }
    }
  }
}
