package app.custodian.campaign.control;

import app.custodian.campaign.entity.DeliveryStatus;
import app.custodian.platform.control.DatabaseTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The delivery rows of campaign messages, one per (campaign, customer), with plain JDBC on the
 * caller's connection. Each method runs in the caller's transaction, or commits on its own in
 * auto-commit mode.
 */
public final class Deliveries {

  private Deliveries() {}

  /**
   * Claims the message for the customer: a {@code PENDING} row, to be committed before the SMTP
   * hand-off.
   *
   * @return false when the customer has a row for the campaign already (sent by an earlier run)
   */
  public static boolean claim(
      Connection connection,
      String campaignId,
      String customerId,
      boolean advertising,
      String consentEventId,
      Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into delivery (campaign_id, customer_id, status, advertising,"
                + " consent_event_id, attempted_at) values (?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing")) {
      insert.setString(1, campaignId);
      insert.setString(2, customerId);
      insert.setString(3, DeliveryStatus.PENDING.name());
      insert.setBoolean(4, advertising);
      insert.setString(5, consentEventId);
      insert.setObject(6, DatabaseTime.column(now));
      return insert.executeUpdate() == 1;
    }
  }

  /** Records the outcome of a claimed message; {@code detail} is a Message-ID or a reason. */
  public static void settle(
      Connection connection,
      String campaignId,
      String customerId,
      DeliveryStatus status,
      String detail,
      Instant now)
      throws SQLException {
    boolean sent = status == DeliveryStatus.SENT;
    try (PreparedStatement update =
        connection.prepareStatement(
            "update delivery set status = ?, sent_at = ?, message_id = ?, failure = ?"
                + " where campaign_id = ? and customer_id = ?")) {
      update.setString(1, status.name());
      update.setObject(2, sent ? DatabaseTime.column(now) : null);
      update.setString(3, sent ? detail : null);
      update.setString(4, sent ? null : truncate(detail, 200));
      update.setString(5, campaignId);
      update.setString(6, customerId);
      update.executeUpdate();
    }
  }

  /** Gives a claim back: the message certainly did not go, so the customer stays eligible. */
  public static void release(Connection connection, String campaignId, String customerId)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "delete from delivery where campaign_id = ? and customer_id = ? and status = ?")) {
      delete.setString(1, campaignId);
      delete.setString(2, customerId);
      delete.setString(3, DeliveryStatus.PENDING.name());
      delete.executeUpdate();
    }
  }

  /**
   * Marks what a dead run left {@code PENDING} as {@code UNCERTAIN}: the SMTP server may or may not
   * have taken those messages. Call it only while no other run of the campaign is going on.
   *
   * @return how many
   */
  public static int markInFlightUncertain(Connection connection, String campaignId)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update delivery set status = ?, failure = ? where campaign_id = ? and status = ?")) {
      update.setString(1, DeliveryStatus.UNCERTAIN.name());
      update.setString(2, "in flight when its run ended");
      update.setString(3, campaignId);
      update.setString(4, DeliveryStatus.PENDING.name());
      return update.executeUpdate();
    }
  }

  /**
   * Advertising messages to the customer attempted since {@code since}, across all campaigns, not
   * counting the ones that were rejected (Decree 91/2020's cap counts what may have arrived).
   */
  public static int advertisingSince(Connection connection, String customerId, Instant since)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select " + Audience.ADVERTISING_SINCE.formatted("?"))) {
      query.setString(1, customerId);
      bindAdvertisingSince(query, 2, since);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  /** Binds the moment and the status that {@link Audience#ADVERTISING_SINCE} takes. */
  static void bindAdvertisingSince(PreparedStatement query, int index, Instant since)
      throws SQLException {
    query.setObject(index, DatabaseTime.column(since));
    query.setString(index + 1, DeliveryStatus.FAILED.name());
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
