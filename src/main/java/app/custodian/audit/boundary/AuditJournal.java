package app.custodian.audit.boundary;

import app.custodian.audit.control.EntryMac;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.Ids;
import app.custodian.platform.control.RowCopy;
import app.custodian.platform.control.SqlLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
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
    Entry entry = new Entry(action, customerId, detail);
    SqlLists.execute(connection, INSERT, signed(DatabaseTime.now(), actor, entry));
  }

  /** Writes one entry now per customer, with that customer's detail, in one write. */
  public void appendEach(
      Connection connection, String actor, String action, Map<String, String> detailByCustomer)
      throws SQLException {
    List<Entry> entries =
        detailByCustomer.entrySet().stream()
            .map(e -> new Entry(action, e.getKey(), e.getValue()))
            .toList();
    appendAll(connection, actor, entries);
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
      rows.add(signed(now, actor, entry));
    }
    rows.write(connection);
  }

  /** The entry's row under a new id, in the columns of {@link #INSERT}, with its MAC. */
  private Object[] signed(OffsetDateTime at, String actor, Entry entry) {
    String id = Ids.newTimeOrderedId();
    String mac =
        macs.sign(id, at.toInstant(), actor, entry.action(), entry.customerId(), entry.detail());
    return new Object[] {id, at, actor, entry.action(), entry.customerId(), entry.detail(), mac};
  }
}
