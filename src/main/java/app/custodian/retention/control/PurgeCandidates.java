package app.custodian.retention.control;

import app.custodian.platform.control.DatabaseTime;
import app.custodian.platform.control.SqlLists;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The customers the retention rules select, with plain JDBC: {@link #after} finds candidates in id
 * order (keyset paging) with the rules in SQL; {@link #facts} reads what {@link RetentionPolicy}
 * decides on, for a chunk of them, at the moment of deletion.
 */
public final class PurgeCandidates {

  private static final String LAST_DAY = "coalesce(k.ended_on, k.ends_on)";

  private PurgeCandidates() {}

  /** Up to {@code limit} ids after {@code afterId} that a rule selects now. */
  public static List<String> after(
      Connection connection, RetentionPolicy policy, Instant now, String afterId, int limit)
      throws SQLException {
    LocalDate endedBefore = policy.contractEndedBefore(now);
    OffsetDateTime inactiveSince = DatabaseTime.column(policy.inactiveSince(now));
    String hasContract = "exists (select 1 from contract k where k.customer_id = c.id)";
    try (PreparedStatement query =
        connection.prepareStatement(
            "select c.id from customer c where c.id > ? and c.legal_hold_reason is null and (("
                + hasContract
                + " and not exists (select 1 from contract k where k.customer_id = c.id and "
                + LAST_DAY
                + " >= ?)) or (not "
                + hasContract
                + " and not exists (select 1 from consent_state s"
                + " where s.customer_id = c.id and s.granted)"
                + " and c.created_at < ? and c.updated_at < ?"
                + " and not exists (select 1 from consent_event e"
                + " where e.customer_id = c.id and e.at >= ?)))"
                + " order by c.id limit ?")) {
      query.setString(1, afterId);
      query.setObject(2, endedBefore);
      query.setObject(3, inactiveSince);
      query.setObject(4, inactiveSince);
      query.setObject(5, inactiveSince);
      query.setInt(6, limit);
      List<String> ids = new ArrayList<>(limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    }
  }

  /**
   * The facts of those of the customers who still exist, optionally locking their rows until the
   * transaction ends.
   */
  public static Map<String, CustomerFacts> facts(
      Connection connection, Collection<String> ids, boolean lock) throws SQLException {
    Map<String, CustomerFacts> facts = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return facts;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "select c.id, c.legal_hold_reason is not null, c.created_at, c.updated_at,"
                + " (select max("
                + LAST_DAY
                + ") from contract k where k.customer_id = c.id),"
                + " exists (select 1 from consent_state s where s.customer_id = c.id and s.granted),"
                + " (select max(e.at) from consent_event e where e.customer_id = c.id)"
                + " from customer c where c.id in ("
                + SqlLists.placeholders(ids.size())
                + ") order by c.id"
                + (lock ? " for update" : ""))) {
      SqlLists.bind(query, 1, ids);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Instant activity = latest(instant(rows, 3), instant(rows, 4), instant(rows, 7));
          facts.put(
              rows.getString(1),
              new CustomerFacts(
                  rows.getBoolean(2),
                  rows.getObject(5, LocalDate.class),
                  rows.getBoolean(6),
                  activity));
        }
      }
    }
    return facts;
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Instant latest(Instant... instants) {
    return Stream.of(instants)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }
}
