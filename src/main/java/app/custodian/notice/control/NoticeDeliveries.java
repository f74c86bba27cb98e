package app.custodian.notice.control;

import app.custodian.campaign.entity.DeliveryStatus;
import app.custodian.notice.entity.NoticeKind;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.SqlLists;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Notice rows, one per (kind, reference, customer), with plain JDBC on the caller's connection:
 * PENDING committed before the SMTP hand-off, then SENT, FAILED or UNCERTAIN, as campaign
 * deliveries. A customer with a row never gets that notice again.
 */
public final class NoticeDeliveries {

  private NoticeDeliveries() {}

  /**
   * A condition for an audience query: the customer id in {@code column} has no row for the notice
   * yet. Binds two values: the kind and the reference.
   */
  public static String withoutRow(String column) {
    return "not exists (select 1 from notice_delivery d where d.kind = ? and d.reference = ?"
        + " and d.customer_id = "
        + column
        + ")";
  }

  public static boolean exists(
      Connection connection, NoticeKind kind, String reference, String customerId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select 1 from notice_delivery where kind = ? and reference = ? and customer_id = ?")) {
      bindKey(query, kind, reference, customerId);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  /**
   * A PENDING row for the notice, to be committed before the SMTP hand-off.
   *
   * @return false when the customer has a row already (an earlier or parallel run)
   */
  public static boolean claim(
      Connection connection,
      NoticeKind kind,
      String reference,
      String customerId,
      long executionId,
      Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into notice_delivery (kind, reference, customer_id, execution_id, status,"
                + " attempted_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
      bindKey(insert, kind, reference, customerId);
      insert.setLong(4, executionId);
      insert.setString(5, DeliveryStatus.PENDING.name());
      insert.setObject(6, DatabaseTime.column(now));
      return insert.executeUpdate() == 1;
    }
  }

  /** Records the outcome; {@code detail} is the Message-ID or the reason. */
  public static void settle(
      Connection connection,
      NoticeKind kind,
      String reference,
      String customerId,
      DeliveryStatus status,
      String detail)
      throws SQLException {
    boolean sent = status == DeliveryStatus.SENT;
    try (PreparedStatement update =
        connection.prepareStatement(
            "update notice_delivery set status = ?, sent_at = ?, message_id = ?, failure = ?"
                + " where kind = ? and reference = ? and customer_id = ?")) {
      update.setString(1, status.name());
      update.setObject(2, sent ? DatabaseTime.now() : null);
      update.setString(3, sent ? detail : null);
      update.setString(4, sent ? null : truncate(detail));
      update.setString(5, kind.name());
      update.setString(6, reference);
      update.setString(7, customerId);
      update.executeUpdate();
    }
  }

  /** Gives the claim back: the message certainly did not go, so a later run sends it. */
  public static void release(
      Connection connection, NoticeKind kind, String reference, String customerId)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "delete from notice_delivery where kind = ? and reference = ? and customer_id = ?"
                + " and status = ?")) {
      bindKey(delete, kind, reference, customerId);
      delete.setString(4, DeliveryStatus.PENDING.name());
      delete.executeUpdate();
    }
  }

  /**
   * What a dead run of this kind left PENDING becomes UNCERTAIN, never re-sent silently. Only one
   * run of a kind is live at a time, so a PENDING row of another execution is a dead run's.
   */
  public static int markInFlightUncertain(
      Connection connection, NoticeKind kind, long currentExecutionId) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update notice_delivery set status = ?, failure = ?"
                + " where kind = ? and status = ? and execution_id <> ?")) {
      update.setString(1, DeliveryStatus.UNCERTAIN.name());
      update.setString(2, "in flight when its run ended");
      update.setString(3, kind.name());
      update.setString(4, DeliveryStatus.PENDING.name());
      update.setLong(5, currentExecutionId);
      return update.executeUpdate();
    }
  }

  /** The rows the executions wrote, by status in lower case: sent, failed, uncertain, pending. */
  public static Map<String, Long> countByStatus(
      Connection connection, NoticeKind kind, List<Long> executionIds) throws SQLException {
    Map<String, Long> counts = new TreeMap<>(Map.of("sent", 0L, "failed", 0L, "uncertain", 0L));
    if (executionIds.isEmpty()) {
      return counts;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "select status, count(*) from notice_delivery where kind = ? and execution_id in ("
                + SqlLists.placeholders(executionIds.size())
                + ") group by status")) {
      query.setString(1, kind.name());
      SqlLists.bind(query, 2, executionIds);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getLong(2));
        }
      }
    }
    return counts;
  }

  private static void bindKey(
      PreparedStatement statement, NoticeKind kind, String reference, String customerId)
      throws SQLException {
    statement.setString(1, kind.name());
    statement.setString(2, reference);
    statement.setString(3, customerId);
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200);
  }
}
