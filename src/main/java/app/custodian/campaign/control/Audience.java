package app.custodian.campaign.control;

import app.custodian.campaign.entity.CampaignContent;
import app.custodian.consent.entity.Suppression;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Who may get a campaign now, written once for the {@code newsletter-send} job and for the audience
 * count shown before sending: a live customer (alias {@code c}) whose consent to the purpose (alias
 * {@code cs}) is granted, whose address is not suppressed for it, who has no message of the
 * campaign yet, and (for advertising) who is under the rolling 24-hour cap.
 */
public final class Audience {

  /** The config property and default of the advertising cap (Decree 91/2020). */
  public static final String CAP_PROPERTY = "custodian.ad.cap.per.24h";

  public static final String DEFAULT_CAP = "3";

  public static final Duration CAP_WINDOW = Duration.ofHours(24);

  /** The consented customers; parameter: the purpose. */
  public static final String CONSENTED =
      "consent_state cs join customer c on c.id = cs.customer_id"
          + " where cs.purpose = ? and cs.granted";

  /** The address is suppressed for the purpose; parameters: {@link Suppression#ALL}, purpose. */
  public static final String SUPPRESSED =
      "exists (select 1 from suppression s where s.address_index = c.email_index"
          + " and s.scope in (?, ?))";

  /** No message of the campaign yet, left open for a bound; parameter: the campaign id. */
  public static final String UNDELIVERED_OPEN =
      "not exists (select 1 from delivery d where d.campaign_id = ?"
          + " and d.customer_id = cs.customer_id";

  /**
   * Advertising messages to a customer (format argument: its id column or {@code ?}) attempted
   * since a moment, not counting rejected ones; parameters: the moment, {@code FAILED}.
   */
  static final String ADVERTISING_SINCE =
      "(select count(*) from delivery a where a.customer_id = %s and a.attempted_at > ?"
          + " and a.advertising and a.status <> ?)";

  private Audience() {}

  /** Whether the customer has had as many advertising messages in the window as the cap allows. */
  public static boolean overCap(Connection connection, String customerId, int cap, Instant now)
      throws SQLException {
    return Deliveries.advertisingSince(connection, customerId, now.minus(CAP_WINDOW)) >= cap;
  }

  /** How many customers would get the campaign if it were sent now: a number, never who. */
  public static long count(
      Connection connection, String campaignId, CampaignContent content, int cap, Instant now)
      throws SQLException {
    String sql =
        "select count(*) from "
            + CONSENTED
            + " and not "
            + SUPPRESSED
            + " and "
            + UNDELIVERED_OPEN
            + ")"
            + (content.advertising() ? " and " + ADVERTISING_SINCE.formatted("c.id") + " < ?" : "");
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, content.purpose().name());
      query.setString(2, Suppression.ALL);
      query.setString(3, content.purpose().name());
      query.setString(4, campaignId);
      if (content.advertising()) {
        Deliveries.bindAdvertisingSince(query, 5, now.minus(CAP_WINDOW));
        query.setInt(7, cap);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
