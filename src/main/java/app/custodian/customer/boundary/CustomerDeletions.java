package app.custodian.customer.boundary;

import app.custodian.audit.boundary.AuditJournal;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.SqlLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way a person leaves Custodian, for erasure on request and for the retention purge alike:
 * a tombstone (id, time, rule) and an audit entry are written, the features are told ({@link
 * CustomerDeletionListener}: the consent feature puts the address on the suppression list as a
 * blind index, others keep counts), and the customer row goes, taking every row that refers to it
 * (the foreign keys cascade). Runs in the caller's transaction, with plain JDBC; once it has
 * committed, the caller says so ({@link #committed}) and what features keep outside the database
 * goes too.
 */
@ApplicationScoped
public class CustomerDeletions {

  /** The tombstone rule of an erasure asked for by the person. */
  public static final String ERASURE_REQUEST = "ERASURE_REQUEST";

  private static final Logger LOG = Logger.getLogger(CustomerDeletions.class.getName());

  @Inject AuditJournal audit;
  @Inject @Any Instance<CustomerDeletionListener> listeners;

  /**
   * Deletes the customers among {@code ruleById}'s keys that exist and are not under legal hold,
   * locking their rows first so that a hold placed meanwhile wins.
   *
   * @param ruleById the rule that applies to each customer, in the order to delete them
   * @param executionId the job execution that deletes them, or null for an erasure on request
   * @return the ids deleted
   */
  public List<String> delete(
      Connection connection, Map<String, String> ruleById, String actor, Long executionId)
      throws SQLException {
    if (ruleById.isEmpty()) {
      return List.of();
    }
    Map<String, String> addressById = lockDeletable(connection, ruleById.keySet());
    if (addressById.isEmpty()) {
      return List.of();
    }
    OffsetDateTime now = DatabaseTime.now();
    bury(connection, addressById.keySet(), ruleById, executionId, now);
    Map<String, String> detailById = new LinkedHashMap<>();
    for (String id : addressById.keySet()) {
      detailById.put(
          id,
          "rule " + ruleById.get(id) + (executionId == null ? "" : ", execution " + executionId));
    }
    audit.appendEach(
        connection, actor, executionId == null ? "CUSTOMER_ERASED" : "CUSTOMER_PURGED", detailById);
    for (CustomerDeletionListener listener : listeners) {
      listener.beforeDeletion(connection, addressById.keySet());
    }
    SqlLists.update(connection, "delete from customer where id in (%s)", addressById.keySet());
    return List.copyOf(addressById.keySet());
  }

  /**
   * The deletion of these customers has committed: the listeners remove what they keep of them
   * outside the database. Never call it after a rollback. A listener that fails is logged with the
   * number of customers only, and the others still run.
   */
  public void committed(Collection<String> customerIds) {
    if (customerIds.isEmpty()) {
      return;
    }
    for (CustomerDeletionListener listener : listeners) {
      try {
        listener.afterDeletion(customerIds);
      } catch (Exception e) {
        LOG.log(
            Level.WARNING,
            listener.getClass().getSimpleName()
                + " failed after the deletion of "
                + customerIds.size()
                + " customers: "
                + e.getClass().getName());
      }
    }
  }

  /** Tells {@link #committed} of an erasure in a container transaction, after its commit. */
  void erasureCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CustomersErased erased) {
    committed(erased.customerIds());
  }

  private static Map<String, String> lockDeletable(Connection connection, Collection<String> ids)
      throws SQLException {
    Map<String, String> addressById = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id, email_index from customer where id in ("
                + SqlLists.placeholders(ids.size())
                + ") and legal_hold_reason is null order by id for update")) {
      SqlLists.bind(query, 1, ids);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          addressById.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return addressById;
  }

  private static void bury(
      Connection connection,
      Collection<String> ids,
      Map<String, String> ruleById,
      Long executionId,
      OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into tombstone (customer_id, deleted_at, rule, execution_id)"
                + " values (?, ?, ?, ?)")) {
      for (String id : ids) {
        insert.setString(1, id);
        insert.setObject(2, now);
        insert.setString(3, ruleById.get(id));
        if (executionId == null) {
          insert.setNull(4, Types.BIGINT);
        } else {
          insert.setLong(4, executionId);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
