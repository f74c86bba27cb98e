package app.custodian.campaign.control;

import app.custodian.campaign.entity.Campaign;
import app.custodian.campaign.entity.CampaignContent;
import app.custodian.campaign.entity.CampaignStatus;
import app.custodian.campaign.entity.Unreached;
import app.custodian.consent.entity.Purpose;
import app.custodian.platform.control.DatabaseTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The campaign row as the {@code newsletter-send} job reads and writes it, with plain JDBC: as a
 * {@link Campaign}, whose methods decide every change of its status, as they do for JPA.
 */
public final class CampaignRow {

  private CampaignRow() {}

  /**
   * The campaign, its row locked until the caller's transaction ends.
   *
   * @throws IllegalArgumentException when there is none
   */
  public static Campaign lock(Connection connection, String campaignId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select name, purpose, advertising, subject, text_body, html_body, status,"
                + " created_at, created_by, execution_id, skipped_no_consent, skipped_suppressed,"
                + " deferred, tallied_at from campaign where id = ? for update")) {
      query.setString(1, campaignId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalArgumentException("No campaign " + campaignId);
        }
        return Campaign.ofRow(
            campaignId,
            new CampaignContent(
                row.getString(1),
                Purpose.valueOf(row.getString(2)),
                row.getBoolean(3),
                row.getString(4),
                row.getString(5),
                row.getString(6)),
            CampaignStatus.valueOf(row.getString(7)),
            DatabaseTime.instant(row.getObject(8)),
            row.getString(9),
            row.getObject(10) == null ? null : row.getLong(10),
            new Unreached(row.getLong(11), row.getLong(12), row.getLong(13)),
            DatabaseTime.instant(row.getObject(14)));
      }
    }
  }

  /** What the campaign says and to whom it may go, read in the caller's transaction. */
  public static CampaignContent content(Connection connection, String campaignId)
      throws SQLException {
    return lock(connection, campaignId).content();
  }

  /**
   * Writes what the campaign's methods changed (its status, its run, what its run left), unless
   * another run has taken it over since it was read.
   *
   * @param executionIdAsRead the run that the row named when the campaign was read
   * @return whether the row was still as read, and is now written
   */
  public static boolean save(Connection connection, Campaign campaign, Long executionIdAsRead)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update campaign set status = ?, execution_id = ?, skipped_no_consent = ?,"
                + " skipped_suppressed = ?, deferred = ?, tallied_at = ?"
                + " where id = ? and execution_id is not distinct from ?")) {
      update.setString(1, campaign.status().name());
      update.setObject(2, campaign.executionId(), Types.BIGINT);
      update.setLong(3, campaign.skippedNoConsent());
      update.setLong(4, campaign.skippedSuppressed());
      update.setLong(5, campaign.deferred());
      update.setObject(
          6,
          campaign.talliedAt() == null ? null : DatabaseTime.column(campaign.talliedAt()),
          Types.TIMESTAMP_WITH_TIMEZONE);
      update.setString(7, campaign.id());
      update.setObject(8, executionIdAsRead, Types.BIGINT);
      return update.executeUpdate() == 1;
    }
  }

  /**
   * Counts the live customers who have no message of the campaign: without consent to its purpose,
   * suppressed, or eligible but not sent to (deferred by the cap, or eligible since).
   */
  public static Unreached tally(Connection connection, String campaignId, Purpose purpose)
      throws SQLException {
    String suppressed = Audience.SUPPRESSED;
    NamedSql sql =
        NamedSql.of(
            "select"
                + " sum(case when cs.granted then 0 else 1 end),"
                + " sum(case when cs.granted and "
                + suppressed
                + " then 1 else 0 end),"
                + " sum(case when cs.granted and not "
                + suppressed
                + " then 1 else 0 end)"
                + " from customer c"
                + " left join consent_state cs on cs.customer_id = c.id and cs.purpose = :purpose"
                + " where not exists (select 1 from delivery d"
                + " where d.campaign_id = :campaign and d.customer_id = c.id)");
    try (PreparedStatement query =
        sql.prepare(connection, Audience.parameters(campaignId, purpose))) {
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new Unreached(row.getLong(1), row.getLong(2), row.getLong(3));
      }
    }
  }
}
