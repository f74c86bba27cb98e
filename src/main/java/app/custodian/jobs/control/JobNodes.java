package app.custodian.jobs.control;

import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.SqlLists;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code job_node} rows, with plain JDBC in auto-commit mode. */
public final class JobNodes {

  private static final String COLUMNS =
      "execution_id, job_name, node_id, node_name, ended_at, taken_over_by, successor_id";

  private JobNodes() {}

  public static void started(
      Connection connection, long executionId, String jobName, String nodeId, String nodeName)
      throws SQLException {
    SqlLists.execute(
        connection,
        "insert into job_node (execution_id, job_name, node_id, node_name, started_at)"
            + " values (?, ?, ?, ?, ?)",
        executionId,
        jobName,
        nodeId,
        nodeName,
        DatabaseTime.now());
  }

  public static void ended(Connection connection, long executionId) throws SQLException {
    SqlLists.execute(
        connection,
        "update job_node set ended_at = ? where execution_id = ? and ended_at is null",
        DatabaseTime.now(),
        executionId);
  }

  /**
   * The compare-and-set of a takeover: of all nodes that try for the same execution, exactly one
   * gets {@code true}.
   */
  public static boolean takeOver(Connection connection, long executionId, String nodeId)
      throws SQLException {
    return SqlLists.execute(
            connection,
            "update job_node set taken_over_by = ?, taken_over_at = ?"
                + " where execution_id = ? and taken_over_by is null",
            nodeId,
            DatabaseTime.now(),
            executionId)
        == 1;
  }

  /** Gives up a takeover this node won but could not start: another look may win it again. */
  public static void release(Connection connection, long executionId, String nodeId)
      throws SQLException {
    SqlLists.execute(
        connection,
        "update job_node set taken_over_by = null, taken_over_at = null"
            + " where execution_id = ? and taken_over_by = ? and successor_id is null",
        executionId,
        nodeId);
  }

  public static void succeededBy(Connection connection, long executionId, long successorId)
      throws SQLException {
    SqlLists.execute(
        connection,
        "update job_node set successor_id = ?, ended_at = coalesce(ended_at, ?)"
            + " where execution_id = ?",
        successorId,
        DatabaseTime.now(),
        executionId);
  }

  /**
   * The fence of a batchlet's effect, called inside the transaction that makes it: fails when
   * another node took the execution over (this node was taken for dead), and otherwise locks the
   * execution's row, so that no takeover commits before the effect has. An execution without a row
   * (not recorded by its listener) passes.
   *
   * @throws IllegalStateException when the execution was taken over
   */
  public static void fence(Connection connection, long executionId) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement(
            "select taken_over_by from job_node where execution_id = ? for update")) {
      lock.setLong(1, executionId);
      try (ResultSet row = lock.executeQuery()) {
        if (row.next() && row.getString(1) != null) {
          throw new IllegalStateException(
              "Execution " + executionId + " was taken over by another node");
        }
      }
    }
  }

  public static Optional<JobNode> find(Connection connection, long executionId)
      throws SQLException {
    List<JobNode> rows =
        query(
            connection, "select " + COLUMNS + " from job_node where execution_id = ?", executionId);
    return rows.stream().findFirst();
  }

  /** The executions that have not ended, of one job or (null) of all, oldest first. */
  public static List<JobNode> unended(Connection connection, String jobName) throws SQLException {
    if (jobName == null) {
      return query(
          connection,
          "select " + COLUMNS + " from job_node where ended_at is null order by execution_id");
    }
    return query(
        connection,
        "select "
            + COLUMNS
            + " from job_node where job_name = ? and ended_at is null"
            + " order by execution_id",
        jobName);
  }

  private static List<JobNode> query(Connection connection, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      SqlLists.bind(query, 1, Arrays.asList(values));
      List<JobNode> rows = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          long successor = row.getLong(7);
          Long successorId = row.wasNull() ? null : successor;
          rows.add(
              new JobNode(
                  row.getLong(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  row.getObject(5) != null,
                  row.getString(6),
                  successorId));
        }
      }
      return rows;
    }
  }
}
