package app.custodian.renewal.control;

import app.custodian.campaign.entity.DeliveryStatus;
import app.custodian.platform.control.DatabaseTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Renewal reminder rows, one per (contract, offset), with plain JDBC on the caller's connection:
 * PENDING committed before the SMTP hand-off, then SENT, FAILED or UNCERTAIN, as campaign
 * deliveries.
 */
public final class Reminders {

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
    try (PreparedStatement query =
        connection.prepareStatement(
            "select 1 from renewal_reminder where contract_id = ? and offset_days = ?")) {
      query.setString(1, contractId);
      query.setInt(2, offsetDays);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
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
      Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into renewal_reminder (contract_id, offset_days, customer_id, execution_id,"
                + " status, consent_event_id, attempted_at) values (?, ?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing")) {
      insert.setString(1, contract.contractId());
      insert.setInt(2, contract.offsetDays());
      insert.setString(3, contract.customerId());
      insert.setLong(4, executionId);
      insert.setString(5, DeliveryStatus.PENDING.name());
      insert.setString(6, consentEventId);
      insert.setObject(7, DatabaseTime.column(now));
      return insert.executeUpdate() == 1;
    }
  }

  /** Records the outcome; {@code detail} is the Message-ID or the reason. */
  public static void settle(
      Connection connection, DueContract contract, DeliveryStatus status, String detail)
      throws SQLException {
    boolean sent = status == DeliveryStatus.SENT;
    try (PreparedStatement update =
        connection.prepareStatement(
            "update renewal_reminder set status = ?, sent_at = ?, message_id = ?, failure = ?"
                + " where contract_id = ? and offset_days = ?")) {
      update.setString(1, status.name());
      update.setObject(2, sent ? DatabaseTime.now() : null);
      update.setString(3, sent ? detail : null);
      update.setString(4, sent ? null : truncate(detail));
      update.setString(5, contract.contractId());
      update.setInt(6, contract.offsetDays());
      update.executeUpdate();
    }
  }

  /** Gives the claim back: the message certainly did not go, so a later run sends it. */
  public static void release(Connection connection, DueContract contract) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "delete from renewal_reminder where contract_id = ? and offset_days = ?"
                + " and status = ?")) {
      delete.setString(1, contract.contractId());
      delete.setInt(2, contract.offsetDays());
      delete.setString(3, DeliveryStatus.PENDING.name());
      delete.executeUpdate();
    }
  }

  /** What a dead run left PENDING becomes UNCERTAIN, never re-sent silently. */
  public static int markInFlightUncertain(Connection connection, long currentExecutionId)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update renewal_reminder set status = ?, failure = ?"
                + " where status = ? and execution_id <> ?")) {
      update.setString(1, DeliveryStatus.UNCERTAIN.name());
      update.setString(2, "in flight when its run ended");
      update.setString(3, DeliveryStatus.PENDING.name());
      update.setLong(4, currentExecutionId);
      return update.executeUpdate();
    }
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200);
  }
}
