package app.custodian.audit.boundary;

import app.custodian.audit.control.EntryMac;
import app.custodian.platform.boundary.CodeMigration;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 11: audit entries carry a MAC, and the sealer can refuse an entry without one. The
 * entries written before, by the application, get their MAC here, once: Flyway runs a version only
 * once, so an entry written outside the application later is never blessed. Needs the audit key, so
 * it is a bean that {@code SchemaMigration} hands to Flyway, not a script.
 */
@Dependent
public class AuditEntryMacMigration extends CodeMigration {

  private static final int BATCH = 1000;

  private final EntryMac macs;

  @Inject
  public AuditEntryMacMigration(EntryMac macs) {
    super("11", "audit entry mac");
    this.macs = macs;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table audit_entry add column mac varchar(64)");
      ddl.execute("alter table audit_entry add column refused boolean default false not null");
    }
    signExistingEntries(connection);
  }

  private void signExistingEntries(Connection connection) throws SQLException {
    try (Statement select = connection.createStatement();
        PreparedStatement update =
            connection.prepareStatement("update audit_entry set mac = ? where id = ?")) {
      select.setFetchSize(BATCH);
      try (ResultSet rows =
          select.executeQuery(
              "select id, at, actor, action, customer_id, detail from audit_entry")) {
        int pending = 0;
        while (rows.next()) {
          update.setString(1, macOf(rows));
          update.setString(2, rows.getString("id"));
          update.addBatch();
          if (++pending == BATCH) {
            update.executeBatch();
            pending = 0;
          }
        }
        update.executeBatch();
      }
    }
  }

  private String macOf(ResultSet row) throws SQLException {
    return macs.sign(
        row.getString("id"),
        row.getObject("at", OffsetDateTime.class).toInstant(),
        row.getString("actor"),
        row.getString("action"),
        row.getString("customer_id"),
        row.getString("detail"));
  }
}
