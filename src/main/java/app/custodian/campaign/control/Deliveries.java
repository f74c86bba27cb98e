package app.custodian.campaign.control;

import app.custodian.delivery.control.DeliveryTables;
import app.custodian.delivery.control.MessageRows;
import app.custodian.delivery.entity.DeliveryStatus;
import app.custodian.platform.control.DatabaseTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery rows of campaign messages, one per (campaign, customer), with plain JDBC on the
 * caller's connection ({@link MessageRows}). Each method runs in the caller's transaction, or
 * commits on its own in auto-commit mode.
 */
public final class Deliveries {

  private static final MessageRows ROWS = DeliveryTables.CAMPAIGN_MESSAGES;

  private Deliveries() {}

  /**
   * Claims the message for the customer: a {@code PENDING} row under its message key, to be
   * committed before the SMTP hand-off.
   *
   * @return false when the customer has a row for the campaign already (sent by an earlier run)
   */
  public static boolean claim(
      Connection connection,
      String campaignId,
      String customerId,
      boolean advertising,
      String consentEventId,
      long messageKey,
      Instant now)
      throws SQLException {
    Map<String, Object> more = new LinkedHashMap<>();
    more.put("advertising", advertising);
    more.put("consent_event_id", consentEventId);
    return ROWS.claim(connection, List.of(campaignId, customerId), messageKey, now, more);
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
    ROWS.settle(connection, List.of(campaignId, customerId), status, detail, now);
  }

  /** Gives a claim back: the message certainly did not go, so the customer stays eligible. */
  public static void release(Connection connection, String campaignId, String customerId)
      throws SQLException {
    ROWS.release(connection, List.of(campaignId, customerId));
  }

  /**
   * Marks what a dead run left {@code PENDING} as {@code UNCERTAIN}: the SMTP server may or may not
   * have taken those messages. Call it only while no other run of the campaign is going on.
   *
   * @return how many
   */
  public static int markInFlightUncertain(Connection connection, String campaignId)
      throws SQLException {
    return ROWS.markInFlightUncertain(connection, Map.of("campaign_id", campaignId));
  }

  /**
   * Advertising messages to the customer attempted since {@code since}, across all campaigns, not
   * counting the ones that were rejected (Decree 91/2020's cap counts what may have arrived).
   */
  public static int advertisingSince(Connection connection, String customerId, Instant since)
      throws SQLException {
    Map<String, Object> values = advertisingSince(since);
    values.put("customer", customerId);
    try (PreparedStatement query =
        NamedSql.of("select " + Audience.ADVERTISING_SINCE.formatted(":customer"))
            .prepare(connection, values)) {
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  /** The values of {@link Audience#ADVERTISING_SINCE}: the moment, and the status not counted. */
  static Map<String, Object> advertisingSince(Instant since) {
    Map<String, Object> values = new HashMap<>();
    values.put("capSince", DatabaseTime.column(since));
    values.put("rejected", DeliveryStatus.FAILED.name());
    return values;
  }
}
