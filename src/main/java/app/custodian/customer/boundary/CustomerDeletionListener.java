package app.custodian.customer.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * A feature that keeps something about people beyond their deletion (ids and counts only): told
 * just before their rows go, in the deleting transaction.
 */
public interface CustomerDeletionListener {

  void beforeDeletion(Connection connection, Collection<String> customerIds) throws SQLException;
}
