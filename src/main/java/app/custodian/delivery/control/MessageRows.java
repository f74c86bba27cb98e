package app.custodian.delivery.control;

import app.custodian.delivery.entity.DeliveryStatus;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.SqlLists;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rows that let a mail job send each message at most once, with plain JDBC on the caller's
 * connection: a table keyed by the message (such as campaign and customer, or contract and offset),
 * with the columns {@code message_key}, {@code status}, {@code attempted_at}, {@code sent_at},
 * {@code message_id} and {@code failure} (and {@code execution_id} where a job counts its runs by
 * it). PENDING is committed before the SMTP hand-off, then SENT, FAILED or UNCERTAIN. The message
 * key comes from the sequence every delivery table shares, so it names one message across them.
 */
public final class MessageRows {

  private static final int MAX_FAILURE = 200;
  private static final String IN_FLIGHT = "in flight when its run ended";

  private final String table;
  private final List<String> key;

  /**
   * @param key the columns that name one message, in the order the key values are given
   */
  public MessageRows(String table, String... key) {
    this.table = table;
    this.key = List.of(key);
  }

  public String table() {
    return table;
  }

  public boolean exists(Connection connection, List<?> message) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select 1 from " + table + " where " + keyCondition())) {
      SqlLists.bind(query, 1, message);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  /** The row of the message with this key, if this table holds it. */
  public Optional<SentMessage> find(Connection connection, long messageKey) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select "
                + String.join(", ", key)
                + ", customer_id, status, message_id, attempted_at from "
                + table
                + " where message_key = ?")) {
      query.setLong(1, messageKey);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        List<String> rowKey = new ArrayList<>();
        for (int i = 1; i <= key.size(); i++) {
          rowKey.add(row.getString(i));
        }
        int next = key.size() + 1;
        return Optional.of(
            new SentMessage(
                messageKey,
                table,
                List.copyOf(rowKey),
                row.getString(next),
                DeliveryStatus.valueOf(row.getString(next + 1)),
                row.getString(next + 2),
                DatabaseTime.instant(row.getObject(next + 3))));
      }
    }
  }

  /** The key of the message sent with this Message-ID (angle brackets included), if any. */
  public java.util.OptionalLong keyOfMessageId(Connection connection, String messageId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select message_key from "
                + table
                + " where message_id = ? and message_key is not null")) {
      query.setString(1, messageId);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? java.util.OptionalLong.of(row.getLong(1))
            : java.util.OptionalLong.empty();
      }
    }
  }

  /** A new message key, never handed out before, from the sequence every delivery table shares. */
  public static long nextKey(Connection connection) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement("select nextval('mail_message_key')");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * A PENDING row for the message under its message key, to be committed before the SMTP hand-off.
   *
   * @param more other columns of the row and their values (such as {@code execution_id})
   * @return false when the message has a row already (sent by an earlier or parallel run)
   */
  public boolean claim(
      Connection connection, List<?> message, long messageKey, Instant now, Map<String, ?> more)
      throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < key.size(); i++) {
      row.put(key.get(i), message.get(i));
    }
    row.putAll(more);
    row.put("message_key", messageKey);
    row.put("status", DeliveryStatus.PENDING.name());
    row.put("attempted_at", DatabaseTime.column(now));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into "
                + table
                + " ("
                + String.join(", ", row.keySet())
                + ") values ("
                + SqlLists.placeholders(row.size())
                + ") on conflict do nothing")) {
      SqlLists.bind(insert, 1, row.values());
      return insert.executeUpdate() == 1;
    }
  }

  /** Records the outcome; {@code detail} is the Message-ID or the reason. */
  public void settle(
      Connection connection, List<?> message, DeliveryStatus status, String detail, Instant now)
      throws SQLException {
    boolean sent = status == DeliveryStatus.SENT;
    try (PreparedStatement update =
        connection.prepareStatement(
            "update "
                + table
                + " set status = ?, sent_at = ?, message_id = ?, failure = ? where "
                + keyCondition())) {
      update.setString(1, status.name());
      update.setObject(2, sent ? DatabaseTime.column(now) : null);
      update.setString(3, sent ? detail : null);
      update.setString(4, sent ? null : truncate(detail));
      SqlLists.bind(update, 5, message);
      update.executeUpdate();
    }
  }

  /** Gives the claim back: the message certainly did not go, so a later run sends it. */
  public void release(Connection connection, List<?> message) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "delete from " + table + " where " + keyCondition() + " and status = ?")) {
      int next = SqlLists.bind(delete, 1, message);
      delete.setString(next, DeliveryStatus.PENDING.name());
      delete.executeUpdate();
    }
  }

  /**
   * What a dead run left PENDING becomes UNCERTAIN, never re-sent silently: every PENDING row among
   * the rows whose columns hold the values in {@code scope}. Call it only while no other run of the
   * scope is going on.
   */
  public int markInFlightUncertain(Connection connection, Map<String, ?> scope)
      throws SQLException {
    return markPendingUncertain(connection, null, scope);
  }

  /**
   * What a dead run left PENDING becomes UNCERTAIN, never re-sent silently: the PENDING rows of
   * other executions than the current one, among the rows whose columns hold the values in {@code
   * scope} (every row when it is empty). Only one run of a scope is live at a time.
   */
  public int markInFlightUncertain(
      Connection connection, long currentExecutionId, Map<String, ?> scope) throws SQLException {
    return markPendingUncertain(connection, currentExecutionId, scope);
  }

  /** The PENDING rows within the scope become UNCERTAIN, except the current execution's. */
  private int markPendingUncertain(
      Connection connection, Long currentExecutionId, Map<String, ?> scope) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update "
                + table
                + " set status = ?, failure = ? where "
                + scopeCondition(scope)
                + "status = ?"
                + (currentExecutionId == null ? "" : " and execution_id <> ?"))) {
      update.setString(1, DeliveryStatus.UNCERTAIN.name());
      update.setString(2, IN_FLIGHT);
      int next = SqlLists.bind(update, 3, scope.values());
      update.setString(next, DeliveryStatus.PENDING.name());
      if (currentExecutionId != null) {
        update.setLong(next + 1, currentExecutionId);
      }
      return update.executeUpdate();
    }
  }

  /**
   * The rows the executions wrote within the scope, by status in lower case: sent, failed and
   * uncertain always, pending when there are such rows.
   */
  public Map<String, Long> countByStatus(
      Connection connection, List<Long> executionIds, Map<String, ?> scope) throws SQLException {
    Map<String, Long> counts = new TreeMap<>(Map.of("sent", 0L, "failed", 0L, "uncertain", 0L));
    if (executionIds.isEmpty()) {
      return counts;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "select status, count(*) from "
                + table
                + " where "
                + scopeCondition(scope)
                + "execution_id in ("
                + SqlLists.placeholders(executionIds.size())
                + ") group by status")) {
      List<Object> values = new ArrayList<>(scope.values());
      values.addAll(executionIds);
      SqlLists.bind(query, 1, values);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getLong(2));
        }
      }
    }
    return counts;
  }

  private String keyCondition() {
    return key.stream().map(column -> column + " = ?").collect(Collectors.joining(" and "));
  }

  private static String scopeCondition(Map<String, ?> scope) {
    return scope.keySet().stream()
        .map(column -> column + " = ? and ")
        .collect(Collectors.joining());
  }

  private static String truncate(String text) {
    return text == null || text.length() <= MAX_FAILURE ? text : text.substring(0, MAX_FAILURE);
  }
}
