package app.custodian.retention.boundary;

import app.custodian.customer.boundary.CustomerDeletionListener;
import app.custodian.platform.control.SqlLists;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * A dry run's findings name customers without a foreign key to them: when they are deleted, so is
 * every mention of them there (their tombstone is the receipt from then on).
 */
@ApplicationScoped
public class PreviewCleanup implements CustomerDeletionListener {

  @Override
  public void beforeDeletion(Connection connection, Collection<String> customerIds)
      throws SQLException {
    SqlLists.update(connection, "delete from purge_preview where customer_id in (%s)", customerIds);
  }
}
