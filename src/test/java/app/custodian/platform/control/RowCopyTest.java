package app.custodian.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.custodian.testing.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rows copied in as written, on PostgreSQL (COPY's text format) and on H2 (a batch of inserts):
 * text with the characters COPY escapes, bytes, nulls, flags, numbers and times; a constraint
 * broken fails the whole write.
 */
class RowCopyTest {

  private static final String TRICKY = "tab\there\nline\r\\N back\\slash \"quote\" 'Nguyễn' \\x00";
  private static final byte[] BYTES = {0, 1, (byte) 0xff, '\\', '\t', '\n'};
  private static final Instant AT = Instant.parse("2026-05-01T02:30:00.123456789Z");

  private static Postgres postgres;

  @BeforeAll
  static void start() {
    postgres = Postgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void copiesEveryKindOfValueIntoPostgres() throws Exception {
    try (Connection db = postgres.connect(postgres.createDatabase())) {
      copiesEveryKindOfValue(db);
    }
  }

  @Test
  void insertsEveryKindOfValueIntoH2() throws Exception {
    try (Connection db =
        DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL")) {
      copiesEveryKindOfValue(db);
    }
  }

  private static void copiesEveryKindOfValue(Connection db) throws SQLException {
    try (Statement ddl = db.createStatement()) {
      ddl.execute(
          "create table sample (id varchar(36) primary key, note varchar(200), data bytea,"
              + " flag boolean, amount bigint, at timestamp with time zone, since timestamp with"
              + " time zone)");
    }
    db.setAutoCommit(false);
    OffsetDateTime since = DatabaseTime.column(AT);
    new RowCopy("sample", "id", "note", "data", "flag", "amount", "at", "since")
        .add("a", TRICKY, BYTES, true, 42L, AT, since)
        .add("b", null, null, false, null, null, null)
        .write(db);
    RowCopy duplicate = new RowCopy("sample", "id").add("c").add("a");
    assertThrows(SQLException.class, () -> duplicate.write(db));
    db.rollback();
    try (Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("select count(*) from sample")) {
      rows.next();
      assertEquals(0, rows.getInt(1), "the failed write rolls back with its transaction");
    }
    new RowCopy("sample", "id", "note", "data", "flag", "amount", "at", "since")
        .add("a", TRICKY, BYTES, true, 42L, AT, since)
        .add("b", null, null, false, null, null, null)
        .write(db);
    db.commit();
    try (Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "select id, note, data, flag, amount, at, since from sample order by id")) {
      assertTrue(rows.next());
      assertEquals(TRICKY, rows.getString(2));
      assertArrayEquals(BYTES, rows.getBytes(3));
      assertTrue(rows.getBoolean(4));
      assertEquals(42L, rows.getLong(5));
      assertEquals(since.toInstant(), DatabaseTime.instant(rows.getObject(6)));
      assertEquals(since.toInstant(), DatabaseTime.instant(rows.getObject(7)));
      assertTrue(rows.next());
      assertNull(rows.getString(2));
      assertNull(rows.getBytes(3));
      assertEquals(false, rows.getBoolean(4));
      assertNull(rows.getObject(5));
      assertNull(rows.getObject(6));
    }
  }
}
