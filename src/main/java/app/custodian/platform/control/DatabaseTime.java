package app.custodian.platform.control;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as {@code timestamp with time zone} columns hold them, for plain JDBC and native
 * queries: UTC, in whole microseconds.
 */
public final class DatabaseTime {

  private DatabaseTime() {}

  public static OffsetDateTime column(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  public static OffsetDateTime now() {
    return column(Instant.now());
  }

  /**
   * A column's value as a native query answers it: Timestamp on PostgreSQL, else OffsetDateTime.
   */
  public static Instant instant(Object column) {
    if (column instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return column == null ? null : ((OffsetDateTime) column).toInstant();
  }
}
