package app.custodian.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The statements PostgreSQL spent its time on during a window, from {@code pg_stat_statements} with
 * {@code track = all}, so that the statements foreign keys run for a cascading delete are counted
 * too. The embedded server loads the module only when started with {@link #SERVER_CONFIG}.
 */
final class TopStatements {

  static final Map<String, String> SERVER_CONFIG =
      Map.of(
          "shared_preload_libraries", "pg_stat_statements",
          "pg_stat_statements.track", "all",
          "pg_stat_statements.max", "5000");

  private static final String TOP =
      """
      select calls, rows, total_exec_time, mean_exec_time,
             left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
      from pg_stat_statements
      where query not like '%pg_stat_statements%'
      order by total_exec_time desc limit\s""";

  private final Connection database;
  private boolean available;

  TopStatements(Connection database) {
    this.database = database;
    try (Statement statement = database.createStatement()) {
      statement.execute("create extension if not exists pg_stat_statements");
      statement.executeQuery("select count(*) from pg_stat_statements").close();
      available = true;
    } catch (SQLException e) {
      System.out.println("(pg_stat_statements unavailable: " + e.getMessage().strip() + ")");
    }
  }

  void reset() {
    if (available) {
      try (Statement statement = database.createStatement()) {
        statement.execute("select pg_stat_statements_reset()");
      } catch (SQLException e) {
        System.out.println("(pg_stat_statements_reset failed: " + e.getMessage() + ")");
      }
    }
  }

  /** The busiest statements since the last reset, as lines of text, or empty. */
  String top(int limit) {
    if (!available) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    try (Statement statement = database.createStatement()) {
      try (ResultSet total =
          statement.executeQuery(
              "select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) from"
                  + " pg_stat_statements where query not like '%pg_stat_statements%'")) {
        total.next();
        text.append(
            "    PostgreSQL statements (pg_stat_statements, nested included): %,d calls, %.1f s"
                    .formatted(total.getLong(1), total.getDouble(2) / 1000)
                + "; the busiest:%n".formatted());
      }
      try (ResultSet rows = statement.executeQuery(TOP + limit)) {
        while (rows.next()) {
          text.append(
              "    %8.2f s %,9d calls %,9d rows %9.3f ms each  %s%n"
                  .formatted(
                      rows.getDouble(3) / 1000,
                      rows.getLong(1),
                      rows.getLong(2),
                      rows.getDouble(4),
                      rows.getString(5)));
        }
      }
    } catch (SQLException e) {
      return "    (pg_stat_statements unreadable: " + e.getMessage() + ")" + System.lineSeparator();
    }
    return text.toString();
  }
}
