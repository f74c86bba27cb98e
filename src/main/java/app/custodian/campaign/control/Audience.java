package app.custodian.campaign.control;

import app.custodian.campaign.entity.CampaignContent;
import app.custodian.consent.entity.Purpose;
import app.custodian.consent.entity.Suppression;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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

  /** The consented customers; parameter {@code :purpose}. */
  public static final String CONSENTED =
      "consent_state cs join customer c on c.id = cs.customer_id"
          + " where cs.purpose = :purpose and cs.granted";

  /** The address is suppressed for the purpose; parameters {@code :allPurposes, :purpose}. */
  public static final String SUPPRESSED =
      "exists (select 1 from suppression s where s.address_index = c.email_index"
          + " and s.scope in (:allPurposes, :purpose))";

  /** No message of the campaign yet, left open for a bound; parameter {@code :campaign}. */
  public static final String UNDELIVERED_OPEN =
      "not exists (select 1 from delivery d where d.campaign_id = :campaign"
          + " and d.customer_id = cs.customer_id";

  /**
   * Advertising messages to a customer (format argument: its id column or a parameter) attempted
   * since a moment, not counting rejected ones; parameters {@code :capSince, :rejected} ({@link
   * Deliveries#advertisingSince(Instant)}).
   */
  static final String ADVERTISING_SINCE =
      "(select count(*) from delivery a where a.customer_id = %s and a.attempted_at > :capSince"
          + " and a.advertising and a.status <> :rejected)";

  private Audience() {}

  /** The values of {@link #CONSENTED}, {@link #SUPPRESSED} and {@link #UNDELIVERED_OPEN}. */
  public static Map<String, Object> parameters(String campaignId, Purpose purpose) {
    Map<String, Object> values = new HashMap<>();
    values.put("campaign", campaignId);
    values.put("purpose", purpose.name());
    values.put("allPurposes", Suppression.ALL);
    return values;
  }

  /** Whether the customer has had as many advertising messages in the window as the cap allows. */
  public static boolean overCap(Connection connection, String customerId, int cap, Instant now)
      throws SQLException {
    return Deliveries.advertisingSince(connection, customerId, now.minus(CAP_WINDOW)) >= cap;
  }

  /** How many customers would get the campaign if it were sent now: a number, never who. */
  public static long count(
      Connection connection, String campaignId, CampaignContent content, int cap, Instant now)
      throws SQLException {
    NamedSql sql =
        NamedSql.of(
            "select count(*) from "
                + CONSENTED
                + " and not "
                + SUPPRESSED
                + " and "
                + UNDELIVERED_OPEN
                + ")"
                + (content.advertising()
                    ? " and " + ADVERTISING_SINCE.formatted("c.id") + " < :cap"
                    : ""));
    Map<String, Object> values = parameters(campaignId, content.purpose());
    values.putAll(Deliveries.advertisingSince(now.minus(CAP_WINDOW)));
    values.put("cap", cap);
    try (PreparedStatement query = sql.prepare(connection, values)) {
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
