package app.custodian.renewal.control;

import app.custodian.delivery.control.DeliveryTables;
import app.custodian.delivery.control.MessageRows;
import app.custodian.delivery.entity.DeliveryStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renewal reminder rows, one per (contract, offset), with plain JDBC on the caller's connection:
 * PENDING committed before the SMTP hand-off, then SENT, FAILED or UNCERTAIN ({@link MessageRows}).
 */
public final class Reminders {

  private static final MessageRows ROWS = DeliveryTables.RENEWAL_REMINDERS;

  private Reminders() {}

  /**
   * Contracts still running that end within the schedule's longest offset, after {@code afterId} in
   * id order, with the offset due today. Terminated contracts get no renewal reminder.
   */
  public static List<DueContract> due(
      Connection connection, RenewalSchedule schedule, LocalDate today, String afterId, int limit)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id, customer_id, reference, service, ends_on from contract"
                + " where id > ? and ended_on is null and ends_on >= ? and ends_on <= ?"
                + " order by id limit ?")) {
      query.setString(1, afterId);
      query.setObject(2, today);
      query.setObject(3, today.plusDays(schedule.longest()));
      query.setInt(4, limit);
      List<DueContract> due = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          LocalDate lastDay = rows.getObject(5, LocalDate.class);
          due.add(
              new DueContract(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  lastDay,
                  schedule.dueOffset(lastDay, today).getAsInt(),
                  lastDay.toEpochDay() - today.toEpochDay()));
        }
      }
      return due;
    }
  }

  public static boolean exists(Connection connection, String contractId, int offsetDays)
      throws SQLException {
    return ROWS.exists(connection, List.of(contractId, offsetDays));
  }

  /**
   * A PENDING row for the reminder, to be committed before the SMTP hand-off.
   *
   * @return false when the reminder has a row already (sent by an earlier run)
   */
  public static boolean claim(
      Connection connection,
      DueContract contract,
      long executionId,
      String consentEventId,
      long messageKey,
      Instant now)
      throws SQLException {
    Map<String, Object> more = new LinkedHashMap<>();
    more.put("customer_id", contract.customerId());
    more.put("consent_event_id", consentEventId);
    more.put("execution_id", executionId);
    return ROWS.claim(connection, key(contract), messageKey, now, more);
  }

  /** Records the outcome; {@code detail} is the Message-ID or the reason. */
  public static void settle(
      Connection connection,
      DueContract contract,
      DeliveryStatus status,
      String detail,
      Instant now)
      throws SQLException {
    ROWS.settle(connection, key(contract), status, detail, now);
  }

  /** Gives the claim back: the message certainly did not go, so a later run sends it. */
  public static void release(Connection connection, DueContract contract) throws SQLException {
    ROWS.release(connection, key(contract));
  }

  /** What a dead run left PENDING becomes UNCERTAIN, never re-sent silently. */
  public static int markInFlightUncertain(Connection connection, long currentExecutionId)
      throws SQLException {
    return ROWS.markInFlightUncertain(connection, currentExecutionId, Map.of());
  }

  /** The reminders the executions wrote, by status in lower case. */
  public static Map<String, Long> countByStatus(Connection connection, List<Long> executionIds)
      throws SQLException {
    return ROWS.countByStatus(connection, executionIds, Map.of());
  }

  private static List<Object> key(DueContract contract) {
    return List.of(contract.contractId(), contract.offsetDays());
  }
}
