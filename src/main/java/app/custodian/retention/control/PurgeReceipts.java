package app.custodian.retention.control;

import app.custodian.platform.control.SqlLists;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the retention purge did: the tombstones it left (a real run) or the customers it found (a
 * dry run), by execution. Ids and rules only.
 */
public final class PurgeReceipts {

  /** One customer purged, or to be purged, and the rule that applied. */
  public record Item(String customerId, String rule) {}

  private PurgeReceipts() {}

  /** Records a dry run's findings; repeating one (a restarted chunk) changes nothing. */
  public static void preview(Connection connection, long executionId, Map<String, String> ruleById)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into purge_preview (execution_id, customer_id, rule) values (?, ?, ?)"
                + " on conflict do nothing")) {
      for (Map.Entry<String, String> entry : ruleById.entrySet()) {
        insert.setLong(1, executionId);
        insert.setString(2, entry.getKey());
        insert.setString(3, entry.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** What the executions purged (a real run) or found (a dry run), in customer id order. */
  public static List<Item> of(Connection connection, List<Long> executionIds, boolean dryRun)
      throws SQLException {
    List<Item> items = new ArrayList<>();
    if (executionIds.isEmpty()) {
      return items;
    }
    String table = dryRun ? "purge_preview" : "tombstone";
    try (PreparedStatement query =
        connection.prepareStatement(
            "select customer_id, rule from "
                + table
                + " where execution_id in ("
                + SqlLists.placeholders(executionIds.size())
                + ") order by customer_id")) {
      SqlLists.bind(query, 1, executionIds);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          items.add(new Item(rows.getString(1), rows.getString(2)));
        }
      }
    }
    return items;
  }
}
