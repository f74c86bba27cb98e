package app.custodian.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;

/** The {@code node_heartbeat} rows, timed by the database's clock, which every node shares. */
public final class NodeHeartbeats {

  private NodeHeartbeats() {}

  public static void beat(Connection connection, String nodeId, String nodeName)
      throws SQLException {
    String update = "update node_heartbeat set seen_at = current_timestamp where node_id = ?";
    if (SqlLists.execute(connection, update, nodeId) == 0) {
      SqlLists.execute(
          connection,
          "insert into node_heartbeat (node_id, node_name, seen_at)"
              + " values (?, ?, current_timestamp)",
          nodeId,
          nodeName);
    }
  }

  /** Whether the node's last heartbeat is younger than {@code fresh}; never, if it never beat. */
  public static boolean isFresh(Connection connection, String nodeId, Duration fresh)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select seen_at, current_timestamp from node_heartbeat where node_id = ?")) {
      query.setString(1, nodeId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return false;
        }
        Timestamp seen = row.getTimestamp(1);
        Timestamp now = row.getTimestamp(2);
        return Duration.between(seen.toInstant(), now.toInstant()).compareTo(fresh) < 0;
      }
    }
  }
}
