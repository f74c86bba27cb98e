package app.custodian.notice.control;

import app.custodian.delivery.control.DeliveryTables;
import app.custodian.delivery.control.MessageRows;
import app.custodian.delivery.entity.DeliveryStatus;
import app.custodian.notice.entity.NoticeKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Notice rows, one per (kind, reference, customer), with plain JDBC on the caller's connection:
 * PENDING committed before the SMTP hand-off, then SENT, FAILED or UNCERTAIN ({@link MessageRows}).
 * A customer with a row never gets that notice again.
 */
public final class NoticeDeliveries {

  private static final MessageRows ROWS = DeliveryTables.NOTICES;

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
    return ROWS.exists(connection, List.of(kind.name(), reference, customerId));
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
      long messageKey,
      Instant now)
      throws SQLException {
    return ROWS.claim(
        connection,
        List.of(kind.name(), reference, customerId),
        messageKey,
        now,
        Map.of("execution_id", executionId));
  }

  /** Records the outcome; {@code detail} is the Message-ID or the reason. */
  public static void settle(
      Connection connection,
      NoticeKind kind,
      String reference,
      String customerId,
      DeliveryStatus status,
      String detail,
      Instant now)
      throws SQLException {
    ROWS.settle(connection, List.of(kind.name(), reference, customerId), status, detail, now);
  }

  /** Gives the claim back: the message certainly did not go, so a later run sends it. */
  public static void release(
      Connection connection, NoticeKind kind, String reference, String customerId)
      throws SQLException {
    ROWS.release(connection, List.of(kind.name(), reference, customerId));
  }

  /**
   * What a dead run of this kind left PENDING becomes UNCERTAIN, never re-sent silently. Only one
   * run of a kind is live at a time, so a PENDING row of another execution is a dead run's.
   */
  public static int markInFlightUncertain(
      Connection connection, NoticeKind kind, long currentExecutionId) throws SQLException {
    return ROWS.markInFlightUncertain(connection, currentExecutionId, Map.of("kind", kind.name()));
  }

  /** The rows the executions wrote, by status in lower case: sent, failed, uncertain, pending. */
  public static Map<String, Long> countByStatus(
      Connection connection, NoticeKind kind, List<Long> executionIds) throws SQLException {
    return ROWS.countByStatus(connection, executionIds, Map.of("kind", kind.name()));
  }
}
