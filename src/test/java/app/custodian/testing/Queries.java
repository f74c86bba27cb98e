package app.custodian.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reading what the jobs left in the database, as strings. */
public final class Queries {

  private Queries() {}

  /** The first row's columns, or an empty list when there is no row. */
  public static List<String> row(Connection db, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = prepare(db, sql, values);
        ResultSet rows = statement.executeQuery()) {
      List<String> row = new ArrayList<>();
      if (rows.next()) {
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
          row.add(rows.getString(i));
        }
      }
      return row;
    }
  }

  /** The first column of the first row, as bytes. */
  public static byte[] bytes(Connection db, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = prepare(db, sql, values);
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        throw new IllegalStateException("no row: " + sql);
      }
      return rows.getBytes(1);
    }
  }

  /** The first column of every row. */
  public static List<String> column(Connection db, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement statement = prepare(db, sql, values);
        ResultSet rows = statement.executeQuery()) {
      List<String> column = new ArrayList<>();
      while (rows.next()) {
        column.add(rows.getString(1));
      }
      return column;
    }
  }

  /** Each row's columns joined by a space. */
  public static List<String> rows(Connection db, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = prepare(db, sql, values);
        ResultSet rows = statement.executeQuery()) {
      List<String> all = new ArrayList<>();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
          row.add(rows.getString(i));
        }
        all.add(String.join(" ", row));
      }
      return all;
    }
  }

  public static long count(Connection db, String sql, Object... values) throws SQLException {
    return Long.parseLong(row(db, sql, values).get(0));
  }

  private static PreparedStatement prepare(Connection db, String sql, Object... values)
      throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    try {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }
}
