package app.custodian.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Lists in plain JDBC: {@code in (...)} lists with one placeholder per value, bound in order,
 * statements whose placeholders are bound to a list of values, and queries whose answer is one
 * column of strings.
 */
public final class SqlLists {

  private SqlLists() {}

  /** {@code ?, ?, ?} for three values. */
  public static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /**
   * Runs an update whose {@code %s} is the list of values, such as {@code delete from t where id in
   * (%s)}.
   *
   * @return how many rows it changed
   */
  public static int update(Connection connection, String sql, Collection<?> values)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(sql.formatted(placeholders(values.size())))) {
      bind(statement, 1, values);
      return statement.executeUpdate();
    }
  }

  /**
   * Runs an insert, update or delete with its placeholders bound to the values, in order.
   *
   * @return how many rows it changed
   */
  public static int execute(Connection connection, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, 1, Arrays.asList(values));
      return statement.executeUpdate();
    }
  }

  /**
   * Binds the values to the placeholders from {@code firstIndex} on.
   *
   * @return the index after the last one bound
   */
  public static int bind(PreparedStatement statement, int firstIndex, Collection<?> values)
      throws SQLException {
    int index = firstIndex;
    for (Object value : values) {
      statement.setObject(index++, value);
    }
    return index;
  }

  /** The first column of every row the query answers, its placeholders bound to the values. */
  public static List<String> strings(Connection connection, String sql, Collection<?> values)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      bind(query, 1, values);
      List<String> found = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
      return found;
    }
  }
}
