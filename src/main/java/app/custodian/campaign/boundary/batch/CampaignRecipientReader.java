package app.custodian.campaign.boundary.batch;

import app.custodian.campaign.boundary.NewsletterSendJob;
import app.custodian.campaign.control.Audience;
import app.custodian.campaign.control.CampaignRow;
import app.custodian.consent.entity.Purpose;
import app.custodian.consent.entity.Suppression;
import app.custodian.platform.boundary.batch.KeysetReader;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the ids of customers who may get the campaign ({@link Audience}: consent to its purpose
 * granted, address not suppressed, no delivery row yet; the cap is the processor's) in id order, a
 * page at a time (keyset paging: rows change during a run). Customers already handled are excluded
 * by their delivery rows, so a restart never repeats one.
 */
@Named
@Dependent
public class CampaignRecipientReader extends KeysetReader<String> {

  static final int PAGE = 500;

  @Inject
  @BatchProperty(name = NewsletterSendJob.CAMPAIGN_ID)
  String campaignId;

  private Purpose purpose;

  public CampaignRecipientReader() {
    super(PAGE);
  }

  @Override
  protected void prepare(Connection connection) throws SQLException {
    purpose = CampaignRow.content(connection, campaignId).purpose();
  }

  @Override
  protected String keyOf(String customerId) {
    return customerId;
  }

  @Override
  protected List<String> pageAfter(Connection connection, String after, int limit)
      throws SQLException {
    List<String> ids = new ArrayList<>(limit);
    try (PreparedStatement query =
        connection.prepareStatement(
            // the bound is repeated on every table so that each index scan starts at the keyset
            // position, not at the campaign's first customer (a page would cost O(progress))
            "select cs.customer_id from "
                + Audience.CONSENTED
                + " and cs.customer_id > ? and c.id > ? and not "
                + Audience.SUPPRESSED
                + " and "
                + Audience.UNDELIVERED_OPEN
                + " and d.customer_id > ?)"
                + " order by cs.customer_id limit ?")) {
      query.setString(1, purpose.name());
      query.setString(2, after);
      query.setString(3, after);
      query.setString(4, Suppression.ALL);
      query.setString(5, purpose.name());
      query.setString(6, campaignId);
      query.setString(7, after);
      query.setInt(8, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }
}
