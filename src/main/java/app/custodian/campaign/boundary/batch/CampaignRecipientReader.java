package app.custodian.campaign.boundary.batch;

import app.custodian.campaign.control.Audience;
import app.custodian.campaign.control.CampaignRun;
import app.custodian.campaign.control.NamedSql;
import app.custodian.platform.boundary.batch.KeysetReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /** Its keyset query: {@link Audience}'s fragments, each value bound by name. */
  static final NamedSql PAGE_AFTER =
      NamedSql.of(
          // the bound is repeated on every table so that each index scan starts at the keyset
          // position, not at the campaign's first customer (a page would cost O(progress))
          "select cs.customer_id from "
              + Audience.CONSENTED
              + " and cs.customer_id > :after and c.id > :after and not "
              + Audience.SUPPRESSED
              + " and "
              + Audience.UNDELIVERED_OPEN
              + " and d.customer_id > :after)"
              + " order by cs.customer_id limit :limit");

  @Inject JobContext job;

  private Map<String, Object> audience;

  public CampaignRecipientReader() {
    super(PAGE);
  }

  @Override
  protected void prepare(Connection connection) throws SQLException {
    CampaignRun run = CampaignRunListener.run(job);
    audience = Audience.parameters(run.campaignId(), run.content().purpose());
  }

  @Override
  protected String keyOf(String customerId) {
    return customerId;
  }

  @Override
  protected List<String> pageAfter(Connection connection, String after, int limit)
      throws SQLException {
    List<String> ids = new ArrayList<>(limit);
    Map<String, Object> values = new HashMap<>(audience);
    values.put("after", after);
    values.put("limit", limit);
    try (PreparedStatement query = PAGE_AFTER.prepare(connection, values)) {
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }
}
