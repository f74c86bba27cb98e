package app.custodian.audit.boundary;

import app.custodian.audit.control.EntryMac;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.Ids;
import app.custodian.platform.control.RowCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Audit entries written with plain JDBC on the caller's connection, for batch jobs that run outside
 * EJB and JPA: in the caller's transaction and with their MAC, like {@link AuditTrail}, and chained
 * by the same sealer. Ids only, never personal data.
 */
@ApplicationScoped
public class AuditJournal {

  private static final String INSERT =
      "insert into audit_entry (id, at, actor, action, customer_id, detail, mac)"
          + " values (?, ?, ?, ?, ?, ?, ?)";

  @Inject EntryMac macs;

  /** Writes one entry now; {@code customerId} and {@code detail} may be null. */
  public void append(
      Connection connection, String actor, String action, String customerId, String detail)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, DatabaseTime.now(), actor, action, customerId, detail);
      insert.executeUpdate();
    }
  }

  /** Writes one entry now per customer, with that customer's detail, in one batch. */
  public void appendEach(
      Connection connection, String actor, String action, Map<String, String> detailByCustomer)
      throws SQLException {
    OffsetDateTime now = DatabaseTime.now();
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Map.Entry<String, String> entry : detailByCustomer.entrySet()) {
        bind(insert, now, actor, action, entry.getKey(), entry.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** One entry to write with {@link #appendAll}. */
  public record Entry(String action, String customerId, String detail) {}

  /** Writes the entries now, by one actor, in one write ({@link RowCopy}: COPY on PostgreSQL). */
  public void appendAll(Connection connection, String actor, List<Entry> entries)
      throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    OffsetDateTime now = DatabaseTime.now();
    RowCopy rows =
        new RowCopy("audit_entry", "id", "at", "actor", "action", "customer_id", "detail", "mac");
    for (Entry entry : entries) {
      String id = Ids.newTimeOrderedId();
      String mac =
          macs.sign(id, now.toInstant(), actor, entry.action(), entry.customerId(), entry.detail());
      rows.add(id, now, actor, entry.action(), entry.customerId(), entry.detail(), mac);
    }
    rows.write(connection);
  }

  private void bind(
      PreparedStatement insert,
      OffsetDateTime at,
      String actor,
      String action,
      String customerId,
      String detail)
      throws SQLException {
    String id = Ids.newTimeOrderedId();
    insert.setString(1, id);
    insert.setObject(2, at);
    insert.setString(3, actor);
    insert.setString(4, action);
    insert.setString(5, customerId);
    insert.setString(6, detail);
    insert.setString(7, macs.sign(id, at.toInstant(), actor, action, customerId, detail));
  }
}
