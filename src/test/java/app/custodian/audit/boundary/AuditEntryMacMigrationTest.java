package app.custodian.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.audit.control.EntryMac;
import app.custodian.platform.control.DatabaseTime;
import app.custodian.testing.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

/**
 * Version 11 on both databases Custodian runs on: Flyway applies it after the SQL scripts, it gives
 * every entry written before it its MAC, once, and never an entry written after it.
 */
class AuditEntryMacMigrationTest {

  private static final String H2_URL =
      "jdbc:h2:mem:audit-mac;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

  private final EntryMac macs = new EntryMac(key());

  private static byte[] key() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 42);
    return key;
  }

  @Test
  void onH2() throws Exception {
    check(H2_URL, "sa", "");
  }

  @Test
  void onPostgreSql() throws Exception {
    try (Postgres postgres = Postgres.start()) {
      check(postgres.createDatabase(), postgres.user(), postgres.password());
    }
  }

  private void check(String url, String user, String password) throws Exception {
    try (Connection db = DriverManager.getConnection(url, user, password)) {
      assertEquals(10, flyway(url, user, password, "10").migrate().migrationsExecuted);
      String sealed = UUID.randomUUID().toString();
      String pending = UUID.randomUUID().toString();
      insertAsBefore(db, sealed, 1L, UUID.randomUUID().toString(), "first");
      insertAsBefore(db, pending, null, null, null);

      Flyway flyway = flyway(url, user, password, "11");
      assertEquals(1, flyway.migrate().migrationsExecuted);
      MigrationInfo v11 = flyway.info().current();
      assertEquals("11", v11.getVersion().getVersion());
      assertEquals(MigrationState.SUCCESS, v11.getState());
      assertTrue(authentic(db, sealed) && authentic(db, pending), "entries from before get a MAC");

      String later = UUID.randomUUID().toString();
      insertAsBefore(db, later, null, null, "written outside after version 11");
      assertEquals(0, flyway.migrate().migrationsExecuted, "applied once");
      flyway(url, user, password, "latest").migrate();
      assertNull(macOf(db, later), "an entry written after version 11 is never given a MAC");
      assertFalse(authentic(db, later));
    }
  }

  private static Flyway flyway(String url, String user, String password, String target) {
    return Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .javaMigrations(new AuditEntryMacMigration(new EntryMac(key())))
        .target(target)
        .load();
  }

  private static void insertAsBefore(
      Connection db, String id, Long seq, String customerId, String detail) throws Exception {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into audit_entry (id, seq, at, actor, action, customer_id, detail)"
                + " values (?, ?, ?, 'alice', 'CUSTOMER_READ', ?, ?)")) {
      insert.setString(1, id);
      insert.setObject(2, seq);
      insert.setObject(3, DatabaseTime.column(Instant.parse("2026-11-23T10:15:30.123456789Z")));
      insert.setString(4, customerId);
      insert.setString(5, detail);
      insert.executeUpdate();
    }
  }

  private boolean authentic(Connection db, String id) throws Exception {
    try (PreparedStatement select =
        db.prepareStatement(
            "select at, actor, action, customer_id, detail, mac, refused from audit_entry"
                + " where id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        assertFalse(row.getBoolean("refused"));
        return macs.verifies(
            row.getString("mac"),
            id,
            row.getObject("at", OffsetDateTime.class).toInstant(),
            row.getString("actor"),
            row.getString("action"),
            row.getString("customer_id"),
            row.getString("detail"));
      }
    }
  }

  private static String macOf(Connection db, String id) throws Exception {
    try (PreparedStatement select =
        db.prepareStatement("select mac from audit_entry where id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        return row.getString(1);
      }
    }
  }
}
