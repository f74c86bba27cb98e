package app.custodian.campaign.boundary;

import app.custodian.campaign.control.ReturnedMessages;
import app.custodian.customer.boundary.CustomerDeletionListener;
import app.custodian.platform.control.SqlLists;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keeps campaign totals whole when customers are erased or purged: their delivery rows go with
 * them, so their number per campaign and status is kept in {@code delivery_erased}, and so is the
 * number of their messages that came back ({@link ReturnedMessages}): once the row has gone, a
 * return no longer names a campaign.
 */
@ApplicationScoped
public class ErasedDeliveries implements CustomerDeletionListener {

  @Override
  public void beforeDeletion(Connection connection, Collection<String> customerIds)
      throws SQLException {
    SqlLists.update(
        connection,
        "insert into delivery_erased (campaign_id, status, messages)"
            + " select campaign_id, status, count(*) from delivery where customer_id in (%s)"
            + " group by campaign_id, status",
        customerIds);
    String ofThem = "d.customer_id in (%s)".formatted(SqlLists.placeholders(customerIds.size()));
    String returned = ReturnedMessages.COUNT_BY_CAMPAIGN.formatted(ofThem);
    List<Object> twice = new ArrayList<>(customerIds);
    twice.addAll(customerIds);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into delivery_erased (status, campaign_id, messages) " + returned)) {
      SqlLists.bind(insert, 1, twice);
      insert.executeUpdate();
    }
  }
}
