package app.custodian.privacy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.custodian.platform.control.DatabaseTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The expiry of closed requests on the embedded default's database (H2 in PostgreSQL mode, migrated
 * by the same Flyway scripts); RequestExpiryJobTest runs it on PostgreSQL.
 */
class ClosedRequestsTest {

  static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
  static final Instant CUTOFF = NOW.minus(3 * 365, ChronoUnit.DAYS);

  @Test
  void closedRequestsBeforeTheCutoffGoWithTheirNoticesOnH2() throws Exception {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      Flyway.configure()
          .dataSource(url, "sa", "")
          .locations("classpath:db/migration")
          .load()
          .migrate();
      String completed = request(connection, "COMPLETED", CUTOFF.minusSeconds(1));
      String refused = request(connection, "REFUSED", CUTOFF.minusSeconds(86_400));
      String young = request(connection, "COMPLETED", CUTOFF.plusSeconds(1));
      String open = request(connection, "VERIFIED", null);
      notice(connection, refused);
      notice(connection, young);
      connection.setAutoCommit(false);

      List<ClosedRequests.Expired> first = ClosedRequests.expire(connection, CUTOFF, 1);
      List<ClosedRequests.Expired> second = ClosedRequests.expire(connection, CUTOFF, 1);
      List<ClosedRequests.Expired> none = ClosedRequests.expire(connection, CUTOFF, 1);
      connection.commit();

      List<String> expired = new ArrayList<>();
      first.forEach(e -> expired.add(e.id() + " " + e.status()));
      second.forEach(e -> expired.add(e.id() + " " + e.status()));
      assertEquals(
          List.of(completed + " COMPLETED", refused + " REFUSED").stream().sorted().toList(),
          expired,
          "one batch of one each, in id order");
      assertEquals(List.of(), none);
      assertEquals(
          List.of(open, young).stream().sorted().toList(),
          ids(connection, "select id from privacy_request order by id"));
      assertEquals(List.of(young), ids(connection, "select request_id from privacy_notice"));
    }
  }

  static String request(Connection connection, String status, Instant closedAt) throws Exception {
    String id = UUID.randomUUID().toString();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into privacy_request (id, customer_id, type, channel, status, received_at,"
                + " acknowledge_by, due_by, completed_at, created_at)"
                + " values (?, ?, 'ACCESS', 'EMAIL', ?, ?, date '2020-01-03', date '2020-01-22',"
                + " ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, UUID.randomUUID().toString());
      insert.setString(3, status);
      insert.setObject(4, DatabaseTime.column(CUTOFF.minusSeconds(999_999)));
      insert.setObject(5, closedAt == null ? null : DatabaseTime.column(closedAt));
      insert.setObject(6, DatabaseTime.column(CUTOFF.minusSeconds(999_999)));
      insert.executeUpdate();
    }
    return id;
  }

  static void notice(Connection connection, String requestId) throws Exception {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into privacy_notice (id, request_id, customer_id, kind, created_at,"
                + " next_attempt_at) values (?, ?, ?, 'REFUSED', ?, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, requestId);
      insert.setString(3, UUID.randomUUID().toString());
      insert.setObject(4, DatabaseTime.column(NOW));
      insert.setObject(5, DatabaseTime.column(NOW));
      insert.executeUpdate();
    }
  }

  static List<String> ids(Connection connection, String sql) throws Exception {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }
}
