package app.custodian.campaign.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL whose parameters are named ({@code :purpose}), not counted: the fragments of {@link Audience}
 * go together in any order, and each value is bound by its name wherever it occurs.
 */
public final class NamedSql {

  private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");

  private final String sql;
  private final List<String> names;

  private NamedSql(String sql, List<String> names) {
    this.sql = sql;
    this.names = names;
  }

  /** The statement with each {@code :name} in place of a {@code ?}. */
  public static NamedSql of(String text) {
    List<String> names = new ArrayList<>();
    Matcher name = NAME.matcher(text);
    StringBuilder sql = new StringBuilder();
    while (name.find()) {
      names.add(name.group(1));
      name.appendReplacement(sql, "?");
    }
    name.appendTail(sql);
    return new NamedSql(sql.toString(), List.copyOf(names));
  }

  /**
   * The statement prepared with every parameter bound; {@code values} may hold more than it names.
   *
   * @throws IllegalArgumentException when it names a parameter that {@code values} lacks
   */
  public PreparedStatement prepare(Connection connection, Map<String, ?> values)
      throws SQLException {
    for (String name : names) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("No value for :" + name + " in " + sql);
      }
    }
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < names.size(); i++) {
        statement.setObject(i + 1, values.get(names.get(i)));
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  /** The SQL as the driver gets it, with {@code ?} placeholders. */
  public String sql() {
    return sql;
  }

  /** The parameters' names in the order of their placeholders. */
  public List<String> names() {
    return names;
  }
}
