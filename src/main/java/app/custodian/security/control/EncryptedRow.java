package app.custodian.security.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One row's encrypted values as read ({@code read}) and as they are to be written ({@code
 * written}), in the order of its table's columns.
 */
public record EncryptedRow(int table, String id, byte[][] read, byte[][] written) {

  public EncryptedColumns.Table tableOf() {
    return EncryptedColumns.ALL.get(table);
  }

  /** Whether every value is null or under the current key already. */
  public boolean current(FieldCipher cipher) {
    for (byte[] value : read) {
      if (!cipher.isCurrent(value)) {
        return false;
      }
    }
    return true;
  }

  /** The row with every value under the current key. */
  public EncryptedRow reencrypted(FieldCipher cipher) {
    byte[][] values = new byte[read.length][];
    for (int i = 0; i < read.length; i++) {
      values[i] = cipher.reencrypt(read[i]);
    }
    return new EncryptedRow(table, id, read, values);
  }

  /** Up to {@code limit} rows of the table with ids after {@code afterId}, in id order. */
  public static List<EncryptedRow> page(Connection connection, int table, String afterId, int limit)
      throws SQLException {
    EncryptedColumns.Table t = EncryptedColumns.ALL.get(table);
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id, "
                + String.join(", ", t.columns())
                + " from "
                + t.name()
                + " where id > ? order by id fetch first "
                + limit
                + " rows only")) {
      query.setString(1, afterId);
      return rows(query, table);
    }
  }

  /** The row as it is now, or null when it is gone. */
  public static EncryptedRow reread(Connection connection, int table, String id)
      throws SQLException {
    EncryptedColumns.Table t = EncryptedColumns.ALL.get(table);
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id, "
                + String.join(", ", t.columns())
                + " from "
                + t.name()
                + " where id = ?")) {
      query.setString(1, id);
      List<EncryptedRow> rows = rows(query, table);
      return rows.isEmpty() ? null : rows.get(0);
    }
  }

  /**
   * An update that writes the new values only where the row still holds the values read: a value
   * the application changed meanwhile is under the current key already and must not be undone.
   */
  public static String guardedUpdate(EncryptedColumns.Table t) {
    StringBuilder sql = new StringBuilder("update ").append(t.name()).append(" set ");
    sql.append(String.join(", ", t.columns().stream().map(c -> c + " = ?").toList()));
    sql.append(" where id = ?");
    for (String c : t.columns()) {
      sql.append(" and ").append(c).append(" is not distinct from ?");
    }
    return sql.toString();
  }

  /** Binds this row to {@link #guardedUpdate}. */
  public void bind(PreparedStatement update) throws SQLException {
    int p = 1;
    for (byte[] value : written) {
      update.setBytes(p++, value);
    }
    update.setString(p++, id);
    for (byte[] value : read) {
      update.setBytes(p++, value);
    }
  }

  private static List<EncryptedRow> rows(PreparedStatement query, int table) throws SQLException {
    int columns = EncryptedColumns.ALL.get(table).columns().size();
    List<EncryptedRow> rows = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        byte[][] values = new byte[columns][];
        for (int i = 0; i < columns; i++) {
          values[i] = row.getBytes(2 + i);
        }
        rows.add(new EncryptedRow(table, row.getString(1), values, values));
      }
    }
    return rows;
  }
}
