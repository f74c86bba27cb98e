package app.custodian.consent.boundary;

import app.custodian.consent.entity.Suppression;
import app.custodian.consent.entity.SuppressionReason;
import app.custodian.customer.boundary.CustomerDeletionListener;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.SqlLists;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A deleted person's address goes on the suppression list (as its blind index), so that no later
 * import of the same address can mail them again.
 */
@ApplicationScoped
public class ErasedAddresses implements CustomerDeletionListener {

  @Override
  public void beforeDeletion(Connection connection, Collection<String> customerIds)
      throws SQLException {
    List<String> addresses = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select email_index from customer where id in ("
                + SqlLists.placeholders(customerIds.size())
                + ") order by id")) {
      SqlLists.bind(query, 1, customerIds);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          addresses.add(rows.getString(1));
        }
      }
    }
    OffsetDateTime now = DatabaseTime.now();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into suppression (address_index, scope, reason, at) values (?, ?, ?, ?)"
                + " on conflict do nothing")) {
      for (String address : addresses) {
        insert.setString(1, address);
        insert.setString(2, Suppression.ALL);
        insert.setString(3, SuppressionReason.ERASED.name());
        insert.setObject(4, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
