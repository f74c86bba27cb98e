package app.custodian.campaign.boundary;

import app.custodian.customer.boundary.CustomerDeletionListener;
import app.custodian.platform.control.SqlLists;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Keeps campaign totals whole when customers are erased or purged: their delivery rows go with
 * them, so their number per campaign and status is kept in {@code delivery_erased}.
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
  }
}
