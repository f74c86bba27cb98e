package app.custodian.privacy.control;

import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.SqlLists;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Closed privacy requests (completed or refused) are the proof that a duty was kept, for as long as
 * {@code CUSTODIAN_REQUESTS_RETENTION} after they were closed; then they go, with the emails about
 * them still queued. Plain JDBC on the caller's connection and transaction.
 */
public final class ClosedRequests {

  private static final String CLOSED = "status in ('COMPLETED', 'REFUSED') and completed_at < ?";

  private ClosedRequests() {}

  /** How long a closed request is kept; the period counts in the configured zone. */
  public record Retention(Period period, ZoneId zone) {

    public Retention {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(zone, "zone");
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("A retention period must be positive, not " + period);
      }
    }

    /** A request closed before this instant has been kept long enough at {@code now}. */
    public Instant closedBefore(Instant now) {
      return now.atZone(zone).minus(period).toInstant();
    }
  }

  /** A request that went: ids and kinds only, for the audit trail. */
  public record Expired(String id, String customerId, String type, String status) {}

  /**
   * Deletes up to {@code limit} requests closed before {@code closedBefore}, in id order, with
   * their queued emails.
   *
   * @return the requests deleted; none when no more are due
   */
  public static List<Expired> expire(Connection connection, Instant closedBefore, int limit)
      throws SQLException {
    List<String> due = due(connection, closedBefore, limit);
    if (due.isEmpty()) {
      return List.of();
    }
    List<Expired> locked = lock(connection, due, closedBefore);
    List<String> ids = locked.stream().map(Expired::id).toList();
    if (!ids.isEmpty()) {
      SqlLists.update(connection, "delete from privacy_notice where request_id in (%s)", ids);
      SqlLists.update(connection, "delete from privacy_request where id in (%s)", ids);
    }
    return locked;
  }

  private static List<String> due(Connection connection, Instant closedBefore, int limit)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id from privacy_request where " + CLOSED + " order by id limit ?")) {
      query.setObject(1, DatabaseTime.column(closedBefore));
      query.setInt(2, limit);
      List<String> ids = new ArrayList<>(limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    }
  }

  private static List<Expired> lock(Connection connection, List<String> ids, Instant closedBefore)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id, customer_id, type, status from privacy_request where id in ("
                + SqlLists.placeholders(ids.size())
                + ") and "
                + CLOSED
                + " order by id for update")) {
      int next = SqlLists.bind(query, 1, ids);
      query.setObject(next, DatabaseTime.column(closedBefore));
      List<Expired> expired = new ArrayList<>(ids.size());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          expired.add(
              new Expired(
                  rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
        }
      }
      return expired;
    }
  }
}
