package app.custodian.platform.control;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Many new rows of one table, written on the caller's connection and in its transaction: with
 * PostgreSQL's {@code COPY ... FROM STDIN} (one statement, no parameters to bind, every constraint
 * and trigger checked as for an insert), else as one JDBC batch of inserts. Values are String,
 * byte[] (bytea), Boolean, Number, OffsetDateTime, Instant or null.
 */
public final class RowCopy {

  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  private final String table;
  private final List<String> columns;
  private final List<Object[]> rows = new ArrayList<>();

  public RowCopy(String table, String... columns) {
    this.table = table;
    this.columns = List.of(columns);
  }

  /** Adds a row, its values in the order of the columns. */
  public RowCopy add(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          table + ": " + values.length + " values for " + columns.size() + " columns");
    }
    rows.add(values);
    return this;
  }

  public int size() {
    return rows.size();
  }

  /** Writes the rows added, and forgets them. */
  public void write(Connection connection) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    if (connection.isWrapperFor(PGConnection.class)) {
      copy(connection.unwrap(PGConnection.class));
    } else {
      insert(connection);
    }
    rows.clear();
  }

  private void copy(PGConnection connection) throws SQLException {
    StringBuilder text = new StringBuilder(rows.size() * 256);
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          text.append('\t');
        }
        appendText(text, row[i]);
      }
      text.append('\n');
    }
    String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
    try {
      connection.getCopyAPI().copyIn(sql, new StringReader(text.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY into " + table + " failed", e);
    }
  }

  /** A value in COPY's text format: {@code \N} for null, backslash escapes, bytea in hex. */
  static void appendText(StringBuilder text, Object value) {
    if (value == null) {
      text.append("\\N");
    } else if (value instanceof byte[] bytes) {
      text.append("\\\\x");
      for (byte b : bytes) { // HexFormat took a fifth of an import's time
        text.append(HEX_DIGITS[(b >> 4) & 0xf]).append(HEX_DIGITS[b & 0xf]);
      }
    } else if (value instanceof Boolean flag) {
      text.append(flag ? 't' : 'f');
    } else if (value instanceof Instant instant) {
      text.append(DatabaseTime.column(instant)); // ISO-8601 with its offset, as timestamptz reads
    } else if (value instanceof OffsetDateTime) {
      text.append(value);
    } else {
      String s = value.toString();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '\\' -> text.append("\\\\");
          case '\n' -> text.append("\\n");
          case '\r' -> text.append("\\r");
          case '\t' -> text.append("\\t");
          default -> text.append(c);
        }
      }
    }
  }

  private void insert(Connection connection) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into "
                + table
                + " ("
                + String.join(", ", columns)
                + ") values ("
                + SqlLists.placeholders(columns.size())
                + ")")) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          Object value = row[i];
          if (value instanceof Instant instant) {
            value = DatabaseTime.column(instant);
          }
          if (value instanceof byte[] bytes) {
            insert.setBytes(i + 1, bytes);
          } else {
            insert.setObject(i + 1, value);
          }
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
