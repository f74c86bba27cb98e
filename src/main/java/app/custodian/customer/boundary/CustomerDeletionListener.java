package app.custodian.customer.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * A feature that keeps something about people beyond their deletion (ids and counts only): told
 * just before their rows go, in the deleting transaction; or that keeps something of theirs outside
 * the database: told once that transaction has committed, never after a rollback.
 */
public interface CustomerDeletionListener {

  default void beforeDeletion(Connection connection, Collection<String> customerIds)
      throws SQLException {}

  /**
   * The deletion of these customers has committed. Runs outside any transaction of theirs; a
   * failure here is logged (ids only) and does not undo the deletion.
   */
  default void afterDeletion(Collection<String> customerIds) throws Exception {}
}
