package app.custodian.bulk.boundary;

import app.custodian.bulk.control.ImportMode;
import app.custodian.bulk.control.ImportTally;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.RowCopy;
import app.custodian.platform.control.SqlLists;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An import's record with plain JDBC on the caller's connection: its counts, its checkpoint (the
 * data rows done), the first {@link #MAX_ERRORS} problems of its rows, and the addresses it has
 * met.
 */
@ApplicationScoped
public class ImportProgress {

  public static final int MAX_ERRORS = 1000;

  public static final String RUNNING = "RUNNING";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";
  public static final String INVALID = "INVALID";
  public static final String ABANDONED = "ABANDONED";

  public void create(Connection connection, ImportRun run) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into customer_import (id, mode, dry_run, status, actor, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, run.id());
      insert.setString(2, run.mode().name());
      insert.setBoolean(3, run.dryRun());
      insert.setString(4, RUNNING);
      insert.setString(5, run.actor());
      insert.setObject(6, DatabaseTime.now());
      insert.executeUpdate();
    }
  }

  public Optional<ImportRun> run(Connection connection, String importId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select mode, dry_run, actor, rows_done, status from customer_import where id = ?")) {
      query.setString(1, importId);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.of(
                new ImportRun(
                    importId,
                    ImportMode.valueOf(row.getString(1)),
                    row.getBoolean(2),
                    row.getString(3),
                    row.getLong(4),
                    row.getString(5)))
            : Optional.empty();
      }
    }
  }

  /** Records which execution runs the import now, and that it runs. */
  public void running(Connection connection, String importId, long executionId)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update customer_import set execution_id = ?, status = ? where id = ?"
                + " and status in (?, ?)")) {
      update.setLong(1, executionId);
      update.setString(2, RUNNING);
      update.setString(3, importId);
      update.setString(4, RUNNING);
      update.setString(5, FAILED);
      update.executeUpdate();
    }
  }

  /**
   * Ends the import with the status, unless it ended already.
   *
   * @return whether this call ended it
   */
  public boolean end(Connection connection, String importId, String status) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update customer_import set status = ?, ended_at = ? where id = ? and status in (?, ?)")) {
      update.setString(1, status);
      update.setObject(2, DatabaseTime.now());
      update.setString(3, importId);
      update.setString(4, RUNNING);
      update.setString(5, FAILED);
      boolean ended = update.executeUpdate() == 1;
      forgetEmails(connection, importId);
      return ended;
    }
  }

  /** The addresses met so far among these blind indexes, with the row that claimed each. */
  public Map<String, Long> claimed(
      Connection connection, String importId, Collection<String> indexes) throws SQLException {
    Map<String, Long> found = new HashMap<>();
    if (indexes.isEmpty()) {
      return found;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "select email_index, row_number from customer_import_address where import_id = ?"
                + " and email_index in ("
                + SqlLists.placeholders(indexes.size())
                + ")")) {
      query.setString(1, importId);
      SqlLists.bind(query, 2, indexes);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          found.put(row.getString(1), row.getLong(2));
        }
      }
    }
    return found;
  }

  /**
   * Adds the chunk's work: counts, checkpoint, claimed addresses, problems (the first ones).
   *
   * @param rowsDone the data rows done now; negative to leave the checkpoint where it is
   */
  public void add(
      Connection connection,
      String importId,
      long rowsDone,
      ImportTally tally,
      Map<String, Long> claims)
      throws SQLException {
    RowCopy addresses =
        new RowCopy("customer_import_address", "import_id", "email_index", "row_number");
    claims.forEach((index, row) -> addresses.add(importId, index, row));
    addresses.write(connection);
    int kept = errorsKept(connection, importId);
    List<ImportTally.RowError> more =
        tally.errors.subList(0, Math.min(tally.errors.size(), Math.max(0, MAX_ERRORS - kept)));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into customer_import_error (import_id, row_number, field, message)"
                + " values (?, ?, ?, ?)")) {
      for (ImportTally.RowError error : more) {
        insert.setString(1, importId);
        insert.setLong(2, error.row());
        insert.setString(3, error.field());
        insert.setString(4, truncated(error.message(), 200));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "update customer_import set rows_done = greatest(rows_done, ?), created = created + ?,"
                + " updated = updated + ?, unchanged = unchanged + ?, rejected = rejected + ?,"
                + " consents_recorded = consents_recorded + ?,"
                + " consents_not_applied = consents_not_applied + ?,"
                + " errors_kept = errors_kept + ? where id = ?")) {
      update.setLong(1, rowsDone);
      update.setLong(2, tally.created);
      update.setLong(3, tally.updated);
      update.setLong(4, tally.unchanged);
      update.setLong(5, tally.rejected);
      update.setLong(6, tally.consentsRecorded);
      update.setLong(7, tally.consentsNotApplied);
      update.setInt(8, more.size());
      update.setString(9, importId);
      update.executeUpdate();
    }
  }

  /** The import with its first problems, in row order; empty for an unknown id. */
  public Optional<ImportView> view(Connection connection, String importId) throws SQLException {
    ImportView view;
    try (PreparedStatement query =
        connection.prepareStatement(
            "select execution_id, mode, dry_run, status, created_at, ended_at, rows_done, created,"
                + " updated, unchanged, rejected, consents_recorded, consents_not_applied"
                + " from customer_import where id = ?")) {
      query.setString(1, importId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        long execution = row.getLong(1);
        view =
            new ImportView(
                importId,
                row.wasNull() ? null : execution,
                ImportMode.valueOf(row.getString(2)).label(),
                row.getBoolean(3),
                row.getString(4),
                DatabaseTime.instant(row.getObject(5)),
                DatabaseTime.instant(row.getObject(6)),
                row.getLong(7),
                row.getLong(8),
                row.getLong(9),
                row.getLong(10),
                row.getLong(11),
                row.getLong(12),
                row.getLong(13),
                new ArrayList<>());
      }
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "select row_number, field, message from customer_import_error where import_id = ?"
                + " order by row_number, field")) {
      query.setString(1, importId);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          view.errors()
              .add(new ImportTally.RowError(row.getLong(1), row.getString(2), row.getString(3)));
        }
      }
    }
    return Optional.of(view);
  }

  /** The counts, for an audit entry: numbers only. */
  public String counts(Connection connection, String importId) throws SQLException {
    ImportView v = view(connection, importId).orElseThrow();
    return "rows %d created %d updated %d unchanged %d rejected %d consents %d not applied %d"
        .formatted(
            v.rows(),
            v.created(),
            v.updated(),
            v.unchanged(),
            v.rejected(),
            v.consentsRecorded(),
            v.consentsNotApplied());
  }

  private static String truncated(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  private static int errorsKept(Connection connection, String importId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select errors_kept from customer_import where id = ?")) {
      query.setString(1, importId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getInt(1) : 0;
      }
    }
  }

  private static void forgetEmails(Connection connection, String importId) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("delete from customer_import_address where import_id = ?")) {
      delete.setString(1, importId);
      delete.executeUpdate();
    }
  }
}
