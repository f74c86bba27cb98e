package app.custodian.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;

/** {@code in (...)} lists for plain JDBC: one placeholder per value, bound in order. */
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
}
