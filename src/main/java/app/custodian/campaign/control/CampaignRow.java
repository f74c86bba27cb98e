package app.custodian.campaign.control;

import app.custodian.campaign.entity.CampaignContent;
import app.custodian.campaign.entity.CampaignStatus;
import app.custodian.consent.entity.Purpose;
import app.custodian.consent.entity.Suppression;
import app.custodian.platform.control.DatabaseTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The campaign row as the {@code newsletter-send} job reads and updates it, with plain JDBC. */
public final class CampaignRow {

  /** The audience a run left: live customers without a message, by why. */
  public record Tally(long skippedNoConsent, long skippedSuppressed, long deferred) {}

  private CampaignRow() {}

  public static CampaignContent content(Connection connection, String campaignId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select name, purpose, advertising, subject, text_body, html_body from campaign"
                + " where id = ?")) {
      query.setString(1, campaignId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalArgumentException("No campaign " + campaignId);
        }
        return new CampaignContent(
            row.getString(1),
            Purpose.valueOf(row.getString(2)),
            row.getBoolean(3),
            row.getString(4),
            row.getString(5),
            row.getString(6));
      }
    }
  }

  /** Records that this execution now sends the campaign. */
  public static void running(Connection connection, String campaignId, long executionId)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update campaign set status = ?, execution_id = ? where id = ?")) {
      update.setString(1, CampaignStatus.SENDING.name());
      update.setLong(2, executionId);
      update.setString(3, campaignId);
      update.executeUpdate();
    }
  }

  /**
   * Counts the live customers who have no message of the campaign: without consent to its purpose,
   * suppressed, or eligible but not sent to (deferred by the cap, or eligible since).
   */
  public static Tally tally(Connection connection, String campaignId, Purpose purpose)
      throws SQLException {
    String suppressed = Audience.SUPPRESSED;
    try (PreparedStatement query =
        connection.prepareStatement(
            "select"
                + " sum(case when cs.granted then 0 else 1 end),"
                + " sum(case when cs.granted and "
                + suppressed
                + " then 1 else 0 end),"
                + " sum(case when cs.granted and not "
                + suppressed
                + " then 1 else 0 end)"
                + " from customer c"
                + " left join consent_state cs on cs.customer_id = c.id and cs.purpose = ?"
                + " where not exists (select 1 from delivery d"
                + " where d.campaign_id = ? and d.customer_id = c.id)")) {
      query.setString(1, Suppression.ALL);
      query.setString(2, purpose.name());
      query.setString(3, Suppression.ALL);
      query.setString(4, purpose.name());
      query.setString(5, purpose.name());
      query.setString(6, campaignId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new Tally(row.getLong(1), row.getLong(2), row.getLong(3));
      }
    }
  }

  /** The run went through every eligible customer: the campaign is sent. */
  public static void sent(Connection connection, String campaignId, Tally tally, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update campaign set status = ?, skipped_no_consent = ?, skipped_suppressed = ?,"
                + " deferred = ?, tallied_at = ? where id = ?")) {
      update.setString(1, CampaignStatus.SENT.name());
      update.setLong(2, tally.skippedNoConsent());
      update.setLong(3, tally.skippedSuppressed());
      update.setLong(4, tally.deferred());
      update.setObject(5, DatabaseTime.column(now));
      update.setString(6, campaignId);
      update.executeUpdate();
    }
  }
}
